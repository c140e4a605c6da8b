// Files whose path contains a lower-cased fragment (TEXT index file_path_lower_text). No ORDER BY:
// sorting would read every match, and a short fragment can match most of the fleet's files.
MATCH (f:File) WHERE f.pathLower CONTAINS $fragment
RETURN f.uid AS key, f.path AS label, f.hostId AS hostId, null AS ts
LIMIT $limit
