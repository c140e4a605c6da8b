UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (ip:IP {address: r.dstIp})
MERGE (p)-[c:CONNECTED {eventId: r.eventId}]->(ip)
  ON CREATE SET c.ts = r.ts, c.direction = r.direction, c.protocol = r.protocol, c.srcIp = r.srcIp,
                c.srcPort = r.srcPort, c.dstPort = r.dstPort, c.dstHostname = r.dstHostname, c.source = r.source
