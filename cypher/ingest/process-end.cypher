UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
SET p.endTs = r.ts
