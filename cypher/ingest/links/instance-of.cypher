// A process and the content of its image, by SHA-256. Linked at the end of the batch's transaction,
// with the other links to shared contents, in content order (src/graph/writeEvents.ts).
UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.uid})
MATCH (b:Binary {sha256: r.sha256})
MERGE (p)-[:INSTANCE_OF]->(b)
