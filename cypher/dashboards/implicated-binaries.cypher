// Content implicated in the findings of [$since, $until): the binaries of their evidence processes
// (images) and evidence files, with how many findings name each, most first.
MATCH (f:Finding)
WHERE f.firstSeen >= $since AND f.firstSeen < $until AND f.status <> 'suppressed'
CALL (f) {
  MATCH (f)-[:EVIDENCE]->(:Process)-[:INSTANCE_OF]->(b:Binary) RETURN b
  UNION
  MATCH (f)-[:EVIDENCE]->(:File)-[:HAS_CONTENT]->(b:Binary) RETURN b
}
WITH b, count(DISTINCT f) AS findings
RETURN b.sha256 AS sha256, findings
ORDER BY findings DESC, sha256
