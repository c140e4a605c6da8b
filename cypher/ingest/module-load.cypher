// Signature facts are kept on the load: what the loader saw at that time.
UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (m:File {uid: r.fileUid})
MERGE (p)-[l:LOADED {eventId: r.eventId}]->(m)
  ON CREATE SET l.ts = r.ts, l.sha256 = r.sha256, l.signed = r.signed, l.signatureStatus = r.signatureStatus,
                l.signer = r.signer, l.teamId = r.teamId, l.source = r.source
