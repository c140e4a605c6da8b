UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (f:File {uid: r.fileUid})
MERGE (p)-[d:DELETED {eventId: r.eventId}]->(f)
  ON CREATE SET d.ts = r.ts, d.sha256 = r.sha256, d.source = r.source
