// A process start is authoritative for the process's properties, also over a placeholder made
// earlier from a child or an event that arrived first. Nodes exist already (nodes/*).
UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.uid})
SET p.hostId = r.hostId, p.pid = r.pid, p.image = r.image, p.imageName = r.imageName,
    p.commandLine = r.commandLine, p.commandLineLower = toLower(r.commandLine), p.user = r.user, p.startTs = r.ts, p.sha256 = r.sha256,
    p.source = r.source, p.signed = r.signed, p.signatureStatus = r.signatureStatus, p.signer = r.signer,
    p.teamId = r.teamId, p.signingId = r.signingId, p.platformBinary = r.platformBinary, p.notarized = r.notarized
WITH p, r
MATCH (img:File {uid: r.imageUid})
MERGE (p)-[x:EXECUTED]->(img)
  ON CREATE SET x.ts = r.ts
// (p)-[:INSTANCE_OF]->(Binary) is linked at the batch's end with the other links to shared
// contents (cypher/ingest/links/instance-of, src/graph/writeEvents.ts).
WITH p, r
WHERE r.parentUid IS NOT NULL
MATCH (parent:Process {uid: r.parentUid})
MERGE (parent)-[s:SPAWNED]->(p)
  ON CREATE SET s.ts = r.ts
