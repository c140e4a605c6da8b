UNWIND $rows AS r
MATCH (f:File {uid: r.fileUid})
MATCH (b:Binary {sha256: r.sha256})
MERGE (f)-[:HAS_CONTENT]->(b)
