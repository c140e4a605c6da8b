// A host's file writes in [$since, $until], newest first; a page resumes below ($until, $afterId).
// The writer is a process, or the host itself for changes seen without their process (Auditbeat
// file_integrity): those have no process uid or image.
MATCH (writer)-[w:WROTE]->(f:File)
WHERE f.hostId = $hostId AND w.ts >= $since AND w.ts <= $until
  AND (w.ts < $until OR $afterId IS NULL OR w.eventId < $afterId)
  AND (writer:Process OR writer:Host)
RETURN {id: w.eventId, ts: w.ts, processUid: CASE WHEN writer:Process THEN writer.uid END, image: CASE WHEN writer:Process THEN writer.image END,
        target: f.path, op: w.op, sha256: w.sha256} AS event
ORDER BY w.ts DESC, w.eventId DESC
LIMIT $limit
