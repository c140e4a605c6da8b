// Signature facts are kept on the load: what the loader saw at that time.
UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (m:File {uid: r.fileUid})
// One LOADED per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET p.uid = p.uid
WITH *
OPTIONAL MATCH ()-[seen:LOADED {eventId: r.eventId}]->() USING INDEX SEEK seen:LOADED(eventId)
WITH * WHERE seen IS NULL
CREATE (p)-[l:LOADED {eventId: r.eventId}]->(m)
  SET l.ts = r.ts, l.sha256 = r.sha256, l.signed = r.signed, l.signatureStatus = r.signatureStatus,
      l.signer = r.signer, l.teamId = r.teamId, l.source = r.source
