UNWIND $rows AS r
MERGE (p:Process {uid: r.actorUid})
  ON CREATE SET p.hostId = r.hostId, p.pid = r.actorPid, p.image = r.actorImage, p.imageName = r.actorImageName
MERGE (d:Domain {name: r.query})
MERGE (p)-[q:QUERIED {eventId: r.eventId}]->(d)
  ON CREATE SET q.ts = r.ts, q.answers = r.answers, q.source = r.source
FOREACH (address IN r.answers |
  MERGE (ip:IP {address: address})
  MERGE (d)-[res:RESOLVED_TO]->(ip)
    ON CREATE SET res.firstSeen = r.ts)
