MATCH (p:Process {uid: $uid})-[c:CONNECTED]->(ip:IP)
RETURN {ip: ip.address, port: c.dstPort, hostname: c.dstHostname, protocol: c.protocol, direction: c.direction, ts: c.ts,
        processUid: p.uid, image: p.image} AS connection
ORDER BY c.ts DESC
LIMIT $limit
