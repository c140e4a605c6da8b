// The link carries the content's SHA-256 and the file's host for the (sha256, hostId) index behind
// the binary pivot's hosts (migration 014).
UNWIND $batch.rows AS r
MATCH (f:File {uid: r.fileUid})
MATCH (b:Binary {sha256: r.sha256})
MERGE (f)-[c:HAS_CONTENT]->(b)
  ON CREATE SET c.sha256 = b.sha256, c.hostId = f.hostId
