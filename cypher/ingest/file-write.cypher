// One WROTE relationship per source event (create, modify, overwrite, rename, metadata change).
UNWIND $rows AS r
MERGE (p:Process {uid: r.actorUid})
  ON CREATE SET p.hostId = r.hostId, p.pid = r.actorPid, p.image = r.actorImage, p.imageName = r.actorImageName
MERGE (f:File {uid: r.fileUid})
  ON CREATE SET f.hostId = r.hostId, f.path = r.path, f.name = r.name
MERGE (p)-[w:WROTE {eventId: r.eventId}]->(f)
  ON CREATE SET w.ts = r.ts, w.op = r.op, w.sha256 = r.sha256, w.previousPath = r.previousPath, w.source = r.source
FOREACH (sha IN CASE WHEN r.sha256 IS NULL THEN [] ELSE [r.sha256] END |
  MERGE (b:Binary {sha256: sha})
  MERGE (f)-[:HAS_CONTENT]->(b))
