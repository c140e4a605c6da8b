// Domains whose name contains a lower-cased fragment (TEXT index domain_name_text); unordered for
// the reason given in path.cypher. Labelled with when the name was first resolved, where known.
MATCH (d:Domain) WHERE d.name CONTAINS $fragment
WITH d LIMIT $limit
CALL (d) {
  OPTIONAL MATCH (d)-[r:RESOLVED_TO]->(:IP)
  RETURN min(r.firstSeen) AS ts
}
RETURN d.name AS key, d.name AS label, null AS hostId, ts
