// A host's module loads in [$since, $until], newest first; a page resumes below ($until, $afterId).
MATCH (p:Process)-[l:LOADED]->(m:File)
WHERE m.hostId = $hostId AND l.ts >= $since AND l.ts <= $until
  AND (l.ts < $until OR $afterId IS NULL OR l.eventId < $afterId)
RETURN {id: l.eventId, ts: l.ts, processUid: p.uid, image: p.image, target: m.path, sha256: l.sha256,
        signed: l.signed, signer: l.signer} AS event
ORDER BY l.ts DESC, l.eventId DESC
LIMIT $limit
