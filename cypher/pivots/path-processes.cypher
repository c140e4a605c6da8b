// The processes that ran a path (see path-summary for $keys and $identities), newest first, each
// with its children and the destinations it (or a child) contacted, as in binary-processes.
MATCH (f:File) WHERE f.pathLower IN $keys AND any(i IN $identities WHERE f.uid = f.hostId + '|' + i)
MATCH (p:Process)-[:EXECUTED]->(f)
WITH p ORDER BY p.startTs DESC LIMIT $limit
CALL (p) {
  OPTIONAL MATCH (p)-[s:SPAWNED]->(child:Process)
  RETURN collect(DISTINCT {uid: child.uid, image: child.image, commandLine: child.commandLine, ts: s.ts})[..20] AS children
}
CALL (p) {
  OPTIONAL MATCH (p)-[:SPAWNED*0..1]->(talker:Process)-[c:CONNECTED]->(ip:IP)
  RETURN collect(DISTINCT {ip: ip.address, hostname: c.dstHostname, port: c.dstPort, ts: c.ts})[..50] AS connections
}
RETURN p {.uid, .hostId, .image, .commandLine, .user, .startTs, .signer} AS process, children, connections
