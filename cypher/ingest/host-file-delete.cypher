// Deletions seen without the deleting process, kept on the host as host-file-write keeps changes.
UNWIND $batch.rows AS r
MATCH (h:Host {id: r.hostId})
MATCH (f:File {uid: r.fileUid})
// One DELETED per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET f.uid = f.uid
WITH *
OPTIONAL MATCH ()-[seen:DELETED {eventId: r.eventId}]->() USING INDEX SEEK seen:DELETED(eventId)
WITH * WHERE seen IS NULL
CREATE (h)-[d:DELETED {eventId: r.eventId}]->(f)
  SET d.ts = r.ts, d.sha256 = r.sha256, d.source = r.source
