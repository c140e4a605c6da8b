// Content by SHA-256, shared across hosts. Signature facts are those first reported for it.
UNWIND $batch.rows AS r
MERGE (b:Binary {sha256: r.sha256})
  ON CREATE SET b.signed = r.signed, b.signatureStatus = r.signatureStatus, b.signer = r.signer, b.teamId = r.teamId
