MATCH (:Host {id: $hostId})-[had:HAD_IP]->(ip:IP)
RETURN {address: ip.address, firstSeen: had.firstSeen, lastSeen: had.lastSeen} AS address
ORDER BY had.lastSeen DESC, ip.address
LIMIT 100
