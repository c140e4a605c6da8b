// Destinations the findings of [$since, $until) name as unapproved (AN0862/3/4) or unseen in the
// fleet (AN0445): Finding.destinations, the scope facts suppressions match on too.
MATCH (f:Finding)
WHERE f.firstSeen >= $since AND f.firstSeen < $until AND f.status <> 'suppressed'
UNWIND f.destinations AS destination
WITH destination, count(DISTINCT f) AS findings, count(DISTINCT f.hostId) AS hosts,
     collect(DISTINCT f.analytic) AS analytics, max(f.lastSeen) AS lastSeen
RETURN destination, findings, hosts, analytics, lastSeen
ORDER BY findings DESC, hosts DESC, destination
LIMIT $limit
