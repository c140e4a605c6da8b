// DNS seen without a process (Zeek dns.log, resolver logs), attributed like host-network-connect.
UNWIND $batch.rows AS r
CALL (r) {
  OPTIONAL MATCH (known:Host)-[had:HAD_IP]->(:IP {address: r.hostByIp})
  WHERE r.hostByIp IS NOT NULL AND had.firstSeen <= r.ts + r.slackMs AND had.lastSeen >= r.ts - r.slackMs
  RETURN known ORDER BY had.lastSeen DESC LIMIT 1
}
CALL (r, known) {
  WITH r, known WHERE known IS NOT NULL
  RETURN known AS host
  UNION
  WITH r, known WHERE known IS NULL
  MERGE (placeholder:Host {id: r.hostId})
    ON CREATE SET placeholder.name = r.hostName, placeholder.os = 'unknown', placeholder.placeholder = true, placeholder.firstSeen = r.ts
  RETURN placeholder AS host
}
MATCH (d:Domain {name: r.query})
MERGE (host)-[q:QUERIED {eventId: r.eventId}]->(d)
  ON CREATE SET q.ts = r.ts, q.answers = r.answers, q.source = r.source
