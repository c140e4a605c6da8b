// Deletions seen without the deleting process, kept on the host as host-file-write keeps changes.
UNWIND $batch.rows AS r
MATCH (h:Host {id: r.hostId})
MATCH (f:File {uid: r.fileUid})
MERGE (h)-[d:DELETED {eventId: r.eventId}]->(f)
  ON CREATE SET d.ts = r.ts, d.sha256 = r.sha256, d.source = r.source
