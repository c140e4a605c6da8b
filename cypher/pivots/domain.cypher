// Which hosts talked to a domain, from which binaries, first seen when: processes that queried it
// or connected to an address it resolved to, and process-less (Zeek) host telemetry. A connection
// that named a different host name is traffic to another site on a shared address, not this one.
MATCH (d:Domain {name: $name})
CALL (d) {
  CALL (d) {
    MATCH (p:Process)-[q:QUERIED]->(d)
    RETURN p.hostId AS hostId, p.uid AS process, p.image AS image, p.sha256 AS sha256, 'QUERIED' AS via, q.ts AS ts, null AS port
    UNION ALL
    MATCH (h:Host)-[q:QUERIED]->(d)
    RETURN h.id AS hostId, null AS process, null AS image, null AS sha256, 'QUERIED' AS via, q.ts AS ts, null AS port
    UNION ALL
    MATCH (d)-[:RESOLVED_TO]->(:IP)<-[c:CONNECTED]-(p:Process)
    WHERE c.dstHostname IS NULL OR c.dstHostname = d.name
    RETURN p.hostId AS hostId, p.uid AS process, p.image AS image, p.sha256 AS sha256,
           CASE WHEN c.dstHostname = d.name THEN 'CONNECTED' ELSE 'CONNECTED_TO_ADDRESS' END AS via, c.ts AS ts, c.dstPort AS port
    UNION ALL
    MATCH (d)-[:RESOLVED_TO]->(:IP)<-[c:CONNECTED]-(h:Host)
    WHERE c.dstHostname IS NULL OR c.dstHostname = d.name
    RETURN h.id AS hostId, null AS process, null AS image, null AS sha256,
           CASE WHEN c.dstHostname = d.name THEN 'CONNECTED' ELSE 'CONNECTED_TO_ADDRESS' END AS via, c.ts AS ts, c.dstPort AS port
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
CALL (d) {
  MATCH (d)-[r:RESOLVED_TO]->(ip:IP)
  WITH r, ip ORDER BY r.firstSeen, ip.address LIMIT $limit
  RETURN collect({name: d.name, address: ip.address, firstSeen: r.firstSeen}) AS resolutions
}
RETURN d.name AS name, prevalence, firstSeen, lastSeen, size(contacts) AS contactCount, contacts[..$limit] AS contacts, resolutions
