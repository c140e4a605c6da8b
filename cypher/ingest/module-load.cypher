// Signature facts are kept on the load (what the loader saw then) and on the content when hashed.
UNWIND $rows AS r
MERGE (p:Process {uid: r.actorUid})
  ON CREATE SET p.hostId = r.hostId, p.pid = r.actorPid, p.image = r.actorImage, p.imageName = r.actorImageName
MERGE (m:File {uid: r.fileUid})
  ON CREATE SET m.hostId = r.hostId, m.path = r.path, m.name = r.name
MERGE (p)-[l:LOADED {eventId: r.eventId}]->(m)
  ON CREATE SET l.ts = r.ts, l.sha256 = r.sha256, l.signed = r.signed, l.signatureStatus = r.signatureStatus,
                l.signer = r.signer, l.teamId = r.teamId, l.source = r.source
FOREACH (sha IN CASE WHEN r.sha256 IS NULL THEN [] ELSE [r.sha256] END |
  MERGE (b:Binary {sha256: sha})
    ON CREATE SET b.signed = r.signed, b.signatureStatus = r.signatureStatus, b.signer = r.signer, b.teamId = r.teamId
  MERGE (m)-[:HAS_CONTENT]->(b))
