UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (f:File {uid: r.fileUid})
// One DELETED per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET p.uid = p.uid
WITH *
OPTIONAL MATCH ()-[seen:DELETED {eventId: r.eventId}]->() USING INDEX SEEK seen:DELETED(eventId)
WITH * WHERE seen IS NULL
CREATE (p)-[d:DELETED {eventId: r.eventId}]->(f)
  SET d.ts = r.ts, d.sha256 = r.sha256, d.source = r.source
