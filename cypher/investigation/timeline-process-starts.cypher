// A host's process starts in [$since, $until], newest first; a page resumes below ($until, $afterId).
// Served in order by the (hostId, startTs) index: ordering by hostId too (one value here) lets the
// planner read the index backwards and stop at $limit instead of sorting the whole range.
MATCH (p:Process)
WHERE p.hostId = $hostId AND p.startTs >= $since AND p.startTs <= $until
  AND (p.startTs < $until OR $afterId IS NULL OR p.uid < $afterId)
WITH p ORDER BY p.hostId DESC, p.startTs DESC, p.uid DESC LIMIT $limit
CALL (p) {
  OPTIONAL MATCH (parent:Process)-[:SPAWNED]->(p)
  RETURN parent.uid AS parentUid LIMIT 1
}
RETURN {id: p.uid, ts: p.startTs, processUid: p.uid, image: p.image, target: p.image, commandLine: p.commandLine,
        parentUid: parentUid, sha256: p.sha256, signed: p.signed, signer: p.signer} AS event
