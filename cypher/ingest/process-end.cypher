UNWIND $rows AS r
MERGE (p:Process {uid: r.actorUid})
  ON CREATE SET p.hostId = r.hostId, p.pid = r.actorPid, p.image = r.actorImage, p.imageName = r.actorImageName
SET p.endTs = r.ts
