MATCH (:Process {uid: $uid})-[l:LOADED]->(m:File)
RETURN {path: m.path, fileUid: m.uid, sha256: l.sha256, signed: l.signed, signer: l.signer, status: l.signatureStatus, ts: l.ts} AS load
ORDER BY l.ts DESC
LIMIT $limit
