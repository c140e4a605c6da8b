// Processes whose command line contains a lower-cased fragment (TEXT index
// process_command_line_lower_text); unordered for the reason given in path.cypher.
MATCH (p:Process) WHERE p.commandLineLower CONTAINS $fragment
RETURN p.uid AS key, p.commandLine AS label, p.hostId AS hostId, p.startTs AS ts
LIMIT $limit
