// The binary pivot's summary at fleet scale (cypher/pivots/binary-summary): first and last write of
// a content read from the two ends of a (sha256, ts) index instead of every write of every file
// holding it, and the signature states its loads reported counted from LOAD_SIGNATURE links
// (written at ingest, cypher/ingest/links/load-signatures) instead of every load.
CREATE INDEX wrote_sha256_ts IF NOT EXISTS FOR ()-[w:WROTE]-() ON (w.sha256, w.ts);
// Back-fill for loads written before: one link per file, content and reported state, with the same
// state key as the ingest statement; 10,000 files per transaction.
MATCH (f:File)-[:HAS_CONTENT]->(b:Binary)
CALL (f, b) {
  MATCH (:Process)-[l:LOADED]->(f) WHERE l.sha256 = b.sha256
  WITH DISTINCT l.signatureStatus AS status, l.signed AS signed, l.signer AS signer
  MERGE (f)-[s:LOAD_SIGNATURE {state: coalesce(status, '') + '|' + coalesce(toString(signed), '') + '|' + coalesce(signer, '')}]->(b)
    // The key by which ingest finds the link again (migration 020), for a graph that gets 016 after it.
    ON CREATE SET s.sha256 = b.sha256, s.status = status, s.signed = signed, s.signer = signer, s.key = f.uid + '|' + b.sha256 + '|' + s.state
} IN TRANSACTIONS OF 10000 ROWS;
