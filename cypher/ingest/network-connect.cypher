UNWIND $rows AS r
MERGE (p:Process {uid: r.actorUid})
  ON CREATE SET p.hostId = r.hostId, p.pid = r.actorPid, p.image = r.actorImage, p.imageName = r.actorImageName
MERGE (ip:IP {address: r.dstIp})
MERGE (p)-[c:CONNECTED {eventId: r.eventId}]->(ip)
  ON CREATE SET c.ts = r.ts, c.direction = r.direction, c.protocol = r.protocol, c.srcIp = r.srcIp,
                c.srcPort = r.srcPort, c.dstPort = r.dstPort, c.dstHostname = r.dstHostname, c.source = r.source
FOREACH (name IN CASE WHEN r.dstHostname IS NULL THEN [] ELSE [r.dstHostname] END |
  MERGE (d:Domain {name: name})
  MERGE (d)-[res:RESOLVED_TO]->(ip)
    ON CREATE SET res.firstSeen = r.ts)
