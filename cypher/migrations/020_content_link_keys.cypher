// A file's link to a content (HAS_CONTENT) and to a signature state its loads reported
// (LOAD_SIGNATURE) is found again by a key in an index (cypher/ingest/links/has-content,
// load-signatures), not by MERGE between the file and the Binary: every batch links again the
// contents of the files it touched (a DLL every process loads), and that MERGE checked each pair
// with an Expand(Into), twice (before and after locking): 116k database hits for 1,737 rows at 100k
// events, 37 per row re-linking pairs a 2,000-host fleet shares; the two statements took 17% of
// the workers' write time at 1M events (docs/benchmarks.md, runs s11 and s12).
// The indexes first: the ingest statements seek them by hint (and workers wait for every
// migration, src/graph/migrate.ts waitForMigrations).
CREATE INDEX has_content_key IF NOT EXISTS FOR ()-[c:HAS_CONTENT]-() ON (c.key);
CREATE INDEX load_signature_key IF NOT EXISTS FOR ()-[s:LOAD_SIGNATURE]-() ON (s.key);
// Keys of the links written before; 10,000 per transaction. The same expressions as the ingest
// statements. Workers of an earlier version must be stopped first (README, "Upgrading"): a link
// they wrote after this ran would have no key, and these statements would add a second one.
MATCH (f:File)-[c:HAS_CONTENT]->(b:Binary) WHERE c.key IS NULL
CALL (f, c, b) {
  SET c.key = f.uid + '|' + b.sha256
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (f:File)-[s:LOAD_SIGNATURE]->(b:Binary) WHERE s.key IS NULL
CALL (f, s, b) {
  SET s.key = f.uid + '|' + b.sha256 + '|' + s.state
} IN TRANSACTIONS OF 10000 ROWS;
