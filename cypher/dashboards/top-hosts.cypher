// Hosts with the most findings whose activity began in [$since, $until), suppressed ones left out.
MATCH (f:Finding)
WHERE f.firstSeen >= $since AND f.firstSeen < $until AND f.status <> 'suppressed'
WITH f.hostId AS hostId, max(f.hostName) AS host, count(*) AS findings,
     sum(CASE WHEN f.severity = 'critical' THEN 1 ELSE 0 END) AS critical,
     max(f.score) AS maxScore, max(f.lastSeen) AS lastSeen
RETURN hostId, host, findings, critical, maxScore, lastSeen
ORDER BY findings DESC, maxScore DESC, hostId
LIMIT $limit
