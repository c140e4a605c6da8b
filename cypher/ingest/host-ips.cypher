// Which host had which address when: from host info and from the source address of its own
// outbound connections. Process-less telemetry (Zeek, firewalls) is attributed through these.
UNWIND $batch.rows AS r
MATCH (h:Host {id: r.hostId})
MERGE (ip:IP {address: r.ip})
MERGE (h)-[had:HAD_IP]->(ip)
  ON CREATE SET had.firstSeen = r.firstSeen, had.lastSeen = r.lastSeen
  ON MATCH SET had.firstSeen = CASE WHEN r.firstSeen < had.firstSeen THEN r.firstSeen ELSE had.firstSeen END,
               had.lastSeen = CASE WHEN r.lastSeen > had.lastSeen THEN r.lastSeen ELSE had.lastSeen END
