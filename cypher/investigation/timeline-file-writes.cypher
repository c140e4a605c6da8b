// A host's file writes in [$since, $until], newest first; a page resumes below ($until, $afterId).
MATCH (p:Process)-[w:WROTE]->(f:File)
WHERE f.hostId = $hostId AND w.ts >= $since AND w.ts <= $until
  AND (w.ts < $until OR $afterId IS NULL OR w.eventId < $afterId)
RETURN {id: w.eventId, ts: w.ts, processUid: p.uid, image: p.image, target: f.path, op: w.op, sha256: w.sha256} AS event
ORDER BY w.ts DESC, w.eventId DESC
LIMIT $limit
