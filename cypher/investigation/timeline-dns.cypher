// A host's DNS queries in [$since, $until], newest first; a page resumes below ($until, $afterId).
// Both its processes' queries and process-less ones (Zeek) attributed to the host.
CALL () {
  MATCH (p:Process)-[q:QUERIED]->(d:Domain)
  WHERE p.hostId = $hostId AND q.ts >= $since AND q.ts <= $until
    AND (q.ts < $until OR $afterId IS NULL OR q.eventId < $afterId)
  RETURN q, d, p.uid AS processUid, p.image AS image
  ORDER BY q.ts DESC, q.eventId DESC
  LIMIT $limit
  UNION
  MATCH (:Host {id: $hostId})-[q:QUERIED]->(d:Domain)
  WHERE q.ts >= $since AND q.ts <= $until
    AND (q.ts < $until OR $afterId IS NULL OR q.eventId < $afterId)
  RETURN q, d, null AS processUid, null AS image
  ORDER BY q.ts DESC, q.eventId DESC
  LIMIT $limit
}
RETURN {id: q.eventId, ts: q.ts, processUid: processUid, image: image, target: d.name, answers: coalesce(q.answers, [])} AS event
ORDER BY event.ts DESC, event.id DESC
LIMIT $limit
