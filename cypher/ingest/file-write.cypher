// One WROTE relationship per source event (create, modify, overwrite, rename, metadata change).
UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (f:File {uid: r.fileUid})
// One WROTE per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET p.uid = p.uid
WITH *
OPTIONAL MATCH ()-[seen:WROTE {eventId: r.eventId}]->() USING INDEX SEEK seen:WROTE(eventId)
WITH * WHERE seen IS NULL
CREATE (p)-[w:WROTE {eventId: r.eventId}]->(f)
  SET w.ts = r.ts, w.hostId = r.hostId, w.op = r.op, w.sha256 = r.sha256, w.previousPath = r.previousPath, w.source = r.source
