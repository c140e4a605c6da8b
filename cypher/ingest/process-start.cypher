// A process start is authoritative for the process's properties; a node created earlier as a
// placeholder (a child or an event that arrived first) is filled in here.
UNWIND $rows AS r
MERGE (p:Process {uid: r.uid})
SET p.hostId = r.hostId, p.pid = r.pid, p.image = r.image, p.imageName = r.imageName,
    p.commandLine = r.commandLine, p.user = r.user, p.startTs = r.ts, p.sha256 = r.sha256,
    p.source = r.source, p.signed = r.signed, p.signatureStatus = r.signatureStatus, p.signer = r.signer,
    p.teamId = r.teamId, p.signingId = r.signingId, p.platformBinary = r.platformBinary, p.notarized = r.notarized
MERGE (img:File {uid: r.imageUid})
  ON CREATE SET img.hostId = r.hostId, img.path = r.image, img.name = r.imageName
MERGE (p)-[x:EXECUTED]->(img)
  ON CREATE SET x.ts = r.ts
FOREACH (sha IN CASE WHEN r.sha256 IS NULL THEN [] ELSE [r.sha256] END |
  MERGE (b:Binary {sha256: sha})
  MERGE (img)-[:HAS_CONTENT]->(b)
  MERGE (p)-[:INSTANCE_OF]->(b))
WITH p, r
WHERE r.parentUid IS NOT NULL
MERGE (parent:Process {uid: r.parentUid})
  ON CREATE SET parent.hostId = r.hostId, parent.pid = r.parentPid, parent.image = r.parentImage,
                parent.imageName = r.parentImageName
MERGE (parent)-[s:SPAWNED]->(p)
  ON CREATE SET s.ts = r.ts
