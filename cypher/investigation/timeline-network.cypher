// A host's connections in [$since, $until], newest first; a page resumes below ($until, $afterId).
// Both its processes' connections and process-less ones (Zeek) attributed to the host. Connections
// by $excludeProcessUids to $excludeIps are left out (a finding's own evidence); process-less ones
// to $excludeIps too, being the same traffic seen on the wire.
CALL () {
  MATCH (p:Process)-[c:CONNECTED]->(ip:IP)
  WHERE p.hostId = $hostId AND c.ts >= $since AND c.ts <= $until
    AND (c.ts < $until OR $afterId IS NULL OR c.eventId < $afterId)
    AND NOT (p.uid IN $excludeProcessUids AND ip.address IN $excludeIps)
  RETURN c, ip, p.uid AS processUid, p.image AS image
  ORDER BY c.ts DESC, c.eventId DESC
  LIMIT $limit
  UNION
  MATCH (:Host {id: $hostId})-[c:CONNECTED]->(ip:IP)
  WHERE c.ts >= $since AND c.ts <= $until
    AND (c.ts < $until OR $afterId IS NULL OR c.eventId < $afterId)
    AND NOT ip.address IN $excludeIps
  RETURN c, ip, null AS processUid, null AS image
  ORDER BY c.ts DESC, c.eventId DESC
  LIMIT $limit
}
RETURN {id: c.eventId, ts: c.ts, processUid: processUid, image: image, target: ip.address, port: c.dstPort,
        hostname: c.dstHostname, protocol: c.protocol, direction: c.direction} AS event
ORDER BY event.ts DESC, event.id DESC
LIMIT $limit
