// One WROTE relationship per source event (create, modify, overwrite, rename, metadata change).
UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (f:File {uid: r.fileUid})
MERGE (p)-[w:WROTE {eventId: r.eventId}]->(f)
  ON CREATE SET w.ts = r.ts, w.hostId = r.hostId, w.op = r.op, w.sha256 = r.sha256, w.previousPath = r.previousPath, w.source = r.source
