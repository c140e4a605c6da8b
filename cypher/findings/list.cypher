MATCH (f:Finding)
WHERE ($analytic IS NULL OR f.analytic = $analytic)
  AND ($hostName IS NULL OR f.hostName = $hostName)
  AND ($severity IS NULL OR f.severity = $severity)
RETURN f {.*} AS finding
ORDER BY f.lastSeen DESC, f.id
SKIP $skip LIMIT $limit
