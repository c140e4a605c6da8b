// Connections seen without a process (Zeek, proxy, firewall): attributed to the host that had the
// source address at that time, else to a placeholder host for the address.
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
MATCH (ip:IP {address: r.dstIp})
// One CONNECTED per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET ip.address = ip.address
WITH *
OPTIONAL MATCH ()-[seen:CONNECTED {eventId: r.eventId}]->() USING INDEX SEEK seen:CONNECTED(eventId)
WITH * WHERE seen IS NULL
CREATE (host)-[c:CONNECTED {eventId: r.eventId}]->(ip)
  SET c.ts = r.ts, c.direction = r.direction, c.protocol = r.protocol, c.srcIp = r.srcIp,
      c.srcPort = r.srcPort, c.dstPort = r.dstPort, c.dstHostname = r.dstHostname, c.source = r.source
