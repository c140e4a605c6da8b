UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (d:Domain {name: r.query})
MERGE (p)-[q:QUERIED {eventId: r.eventId}]->(d)
  ON CREATE SET q.ts = r.ts, q.answers = r.answers, q.source = r.source
