// DNS seen without a process (Zeek dns.log, resolver logs), attributed like host-network-connect.
UNWIND $batch.rows AS r
CALL (r) {
  // From the address, whatever the statistics: ordered by lastSeen, a planner may otherwise scan
  // HAD_IP's lastSeen index, every host's every address, per row. planWrites creates the address
  // node first, so this look-up in a write never locks an absent key (a locking seek would).
  OPTIONAL MATCH (known:Host)-[had:HAD_IP]->(address:IP {address: r.hostByIp}) USING INDEX SEEK address:IP(address)
  WHERE r.hostByIp IS NOT NULL AND had.firstSeen <= r.ts + r.slackMs AND had.lastSeen >= r.ts - r.slackMs
  RETURN known ORDER BY had.lastSeen DESC LIMIT 1
}
CALL (r, known) {
  WITH r, known WHERE known IS NOT NULL
  RETURN known AS host
  UNION
  WITH r, known WHERE known IS NULL
  MERGE (placeholder:Host {id: r.hostId})
    ON CREATE SET placeholder.name = r.hostName, placeholder.os = 'unknown', placeholder.placeholder = true, placeholder.firstSeen = r.ts,
                  placeholder.nameLower = toLower(r.hostName), placeholder.shortNameLower = toLower(split(r.hostName, '.')[0])
  RETURN placeholder AS host
}
MATCH (d:Domain {name: r.query})
// One QUERIED per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET d.name = d.name
WITH *
OPTIONAL MATCH ()-[seen:QUERIED {eventId: r.eventId}]->() USING INDEX SEEK seen:QUERIED(eventId)
WITH * WHERE seen IS NULL
CREATE (host)-[q:QUERIED {eventId: r.eventId}]->(d)
  SET q.ts = r.ts, q.answers = r.answers, q.source = r.source
