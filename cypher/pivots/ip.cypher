// Which hosts talked to an address, from which binaries, first seen when: processes and process-less
// (Zeek) hosts that connected to it, and processes whose DNS answers carried it. With the names it
// resolved from and the hosts that held it.
MATCH (ip:IP {address: $address})
CALL (ip) {
  CALL (ip) {
    MATCH (p:Process)-[c:CONNECTED]->(ip)
    RETURN p.hostId AS hostId, p.uid AS process, p.image AS image, p.sha256 AS sha256, 'CONNECTED' AS via, c.ts AS ts, c.dstPort AS port
    UNION ALL
    MATCH (h:Host)-[c:CONNECTED]->(ip)
    RETURN h.id AS hostId, null AS process, null AS image, null AS sha256, 'CONNECTED' AS via, c.ts AS ts, c.dstPort AS port
    UNION ALL
    MATCH (ip)<-[:RESOLVED_TO]-(:Domain)<-[q:QUERIED]-(p:Process)
    WHERE ip.address IN q.answers
    RETURN p.hostId AS hostId, p.uid AS process, p.image AS image, p.sha256 AS sha256, 'QUERIED' AS via, q.ts AS ts, null AS port
    UNION ALL
    MATCH (ip)<-[:RESOLVED_TO]-(:Domain)<-[q:QUERIED]-(h:Host)
    WHERE ip.address IN q.answers
    RETURN h.id AS hostId, null AS process, null AS image, null AS sha256, 'QUERIED' AS via, q.ts AS ts, null AS port
  }
  WITH hostId, image, sha256, collect(DISTINCT via) AS via, count(DISTINCT process) AS processes, count(*) AS events,
       collect(DISTINCT port) AS ports, min(ts) AS firstSeen, max(ts) AS lastSeen
  ORDER BY coalesce(lastSeen, -1) DESC, hostId, image
  RETURN collect({hostId: hostId, image: image, sha256: sha256, via: via, processes: processes, events: events,
                  ports: ports[..20], firstSeen: firstSeen, lastSeen: lastSeen}) AS contacts
}
CALL (contacts) {
  UNWIND contacts AS c
  RETURN count(DISTINCT c.hostId) AS prevalence, min(c.firstSeen) AS firstSeen, max(c.lastSeen) AS lastSeen
}
CALL (ip) {
  MATCH (d:Domain)-[r:RESOLVED_TO]->(ip)
  WITH r, d ORDER BY r.firstSeen, d.name LIMIT $limit
  RETURN collect({name: d.name, address: ip.address, firstSeen: r.firstSeen}) AS resolutions
}
CALL (ip) {
  MATCH (h:Host)-[had:HAD_IP]->(ip)
  WITH h, had ORDER BY had.lastSeen DESC, h.id LIMIT $limit
  RETURN collect({hostId: h.id, firstSeen: had.firstSeen, lastSeen: had.lastSeen}) AS holders
}
RETURN ip.address AS address, prevalence, firstSeen, lastSeen, size(contacts) AS contactCount, contacts[..$limit] AS contacts, resolutions, holders
