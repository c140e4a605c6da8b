UNWIND $batch.rows AS r
MATCH (p:Process {uid: r.actorUid})
MATCH (ip:IP {address: r.dstIp})
// One CONNECTED per event, found again by its id (src/graph/writeEvents.ts: a lock, then the index).
SET p.uid = p.uid
WITH *
OPTIONAL MATCH ()-[seen:CONNECTED {eventId: r.eventId}]->() USING INDEX SEEK seen:CONNECTED(eventId)
WITH * WHERE seen IS NULL
CREATE (p)-[c:CONNECTED {eventId: r.eventId}]->(ip)
  SET c.ts = r.ts, c.direction = r.direction, c.protocol = r.protocol, c.srcIp = r.srcIp,
      c.srcPort = r.srcPort, c.dstPort = r.dstPort, c.dstHostname = r.dstHostname, c.source = r.source
