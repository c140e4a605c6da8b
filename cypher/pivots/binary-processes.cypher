// The processes that ran a binary, newest first: read backwards from the (sha256, startTs) index and
// stopped at the limit (ordering by both keys is what lets the planner skip the sort),
// each with its children and the destinations it (or a child) contacted.
MATCH (p:Process)
WHERE p.sha256 = $sha256 AND p.startTs IS NOT NULL
WITH p ORDER BY p.sha256 DESC, p.startTs DESC LIMIT $limit
CALL (p) {
  OPTIONAL MATCH (p)-[s:SPAWNED]->(child:Process)
  RETURN collect(DISTINCT {uid: child.uid, image: child.image, commandLine: child.commandLine, ts: s.ts})[..20] AS children
}
CALL (p) {
  OPTIONAL MATCH (p)-[:SPAWNED*0..1]->(talker:Process)-[c:CONNECTED]->(ip:IP)
  RETURN collect(DISTINCT {ip: ip.address, hostname: c.dstHostname, port: c.dstPort, ts: c.ts})[..50] AS connections
}
RETURN p {.uid, .hostId, .image, .commandLine, .user, .startTs, .signer} AS process, children, connections
