// The binary pivot's hosts, a page at a time (cypher/pivots/binary-hosts): each HAS_CONTENT link
// carries its content's SHA-256 and its file's host (written at ingest, cypher/ingest/links/has-content),
// so one relationship index lists the hosts holding a content in host order, and counts them,
// without reading a file. Back-fills the links written before, 10,000 per transaction so that a
// large graph does not need the heap for all of them at once.
MATCH (f:File)-[c:HAS_CONTENT]->(b:Binary)
WHERE c.sha256 IS NULL OR c.hostId IS NULL
CALL (f, c, b) { SET c.sha256 = b.sha256, c.hostId = f.hostId } IN TRANSACTIONS OF 10000 ROWS;
CREATE INDEX has_content_sha256_host IF NOT EXISTS FOR ()-[c:HAS_CONTENT]-() ON (c.sha256, c.hostId);
