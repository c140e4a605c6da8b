// A verifier's verdict on a file (Gatekeeper, XProtect, codesign): linked to the signing identity,
// so a hunter can pivot from a signer or Team ID to every file it signed.
UNWIND $batch.rows AS r
MATCH (f:File {uid: r.fileUid})
MERGE (s:Signer {key: r.signerKey})
  ON CREATE SET s.name = r.signer, s.teamId = r.teamId
// One VERIFIED per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET f.uid = f.uid
WITH *
OPTIONAL MATCH ()-[seen:VERIFIED {eventId: r.eventId}]->() USING INDEX SEEK seen:VERIFIED(eventId)
WITH * WHERE seen IS NULL
CREATE (f)-[v:VERIFIED {eventId: r.eventId}]->(s)
  SET v.ts = r.ts, v.signed = r.signed, v.status = r.signatureStatus, v.signingId = r.signingId,
      v.notarized = r.notarized, v.platformBinary = r.platformBinary, v.verdict = r.verdict,
      v.sha256 = r.sha256, v.source = r.source
