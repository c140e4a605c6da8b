UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (d:Domain {name: r.query})
// One QUERIED per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET p.uid = p.uid
WITH *
OPTIONAL MATCH ()-[seen:QUERIED {eventId: r.eventId}]->() USING INDEX SEEK seen:QUERIED(eventId)
WITH * WHERE seen IS NULL
CREATE (p)-[q:QUERIED {eventId: r.eventId}]->(d)
  SET q.ts = r.ts, q.answers = r.answers, q.source = r.source
