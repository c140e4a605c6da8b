// The hunter's pivot from content to findings reads (Binary)<-[:IMPLICATES]-(Finding), written when a
// finding is stored, instead of walking every run and every file of a binary that most hosts have.
// Back-fills findings stored before this migration.
MATCH (f:Finding)-[:EVIDENCE]->(:Process)-[:INSTANCE_OF]->(b:Binary)
MERGE (f)-[:IMPLICATES]->(b);
MATCH (f:Finding)-[:EVIDENCE]->(:File)-[:HAS_CONTENT]->(b:Binary)
MERGE (f)-[:IMPLICATES]->(b);
// The newest runs of a binary, read in order (cypher/pivots/binary-processes).
CREATE INDEX process_sha256_start IF NOT EXISTS FOR (p:Process) ON (p.sha256, p.startTs);
