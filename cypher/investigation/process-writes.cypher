MATCH (:Process {uid: $uid})-[w:WROTE]->(f:File)
RETURN {path: f.path, fileUid: f.uid, op: w.op, sha256: w.sha256, previousPath: w.previousPath, ts: w.ts} AS write
ORDER BY w.ts DESC
LIMIT $limit
