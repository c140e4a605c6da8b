UNWIND $rows AS r
MERGE (p:Process {uid: r.actorUid})
  ON CREATE SET p.hostId = r.hostId, p.pid = r.actorPid, p.image = r.actorImage, p.imageName = r.actorImageName
MERGE (f:File {uid: r.fileUid})
  ON CREATE SET f.hostId = r.hostId, f.path = r.path, f.name = r.name
MERGE (p)-[d:DELETED {eventId: r.eventId}]->(f)
  ON CREATE SET d.ts = r.ts, d.sha256 = r.sha256, d.source = r.source
