// A SHA-256 (lower-cased): the content, labelled with one path that held or ran it.
MATCH (b:Binary {sha256: $sha256})
CALL (b) {
  OPTIONAL MATCH (f:File)-[:HAS_CONTENT]->(b)
  RETURN f.path AS path, f.hostId AS hostId LIMIT 1
}
RETURN b.sha256 AS key, coalesce(path, b.sha256) AS label, hostId, null AS ts
