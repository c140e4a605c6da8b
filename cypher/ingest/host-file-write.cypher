// File changes a sensor saw without the process that made them (Auditbeat file_integrity on
// inotify / FSEvents): the host stands for the unknown writer. Analytics follow
// (:Process)-[:WROTE]->, so such a change never counts as an installer's or updater's write.
UNWIND $batch.rows AS r
MATCH (h:Host {id: r.hostId})
MATCH (f:File {uid: r.fileUid})
// One WROTE per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET f.uid = f.uid
WITH *
OPTIONAL MATCH ()-[seen:WROTE {eventId: r.eventId}]->() USING INDEX SEEK seen:WROTE(eventId)
WITH * WHERE seen IS NULL
CREATE (h)-[w:WROTE {eventId: r.eventId}]->(f)
  SET w.ts = r.ts, w.hostId = r.hostId, w.op = r.op, w.sha256 = r.sha256, w.previousPath = r.previousPath, w.source = r.source
