// Newest activity first, read in the order of the lastSeen index (no sort of every finding for a
// page: `IS NOT NULL` lets the planner use the index; every finding has a lastSeen).
MATCH (f:Finding)
WHERE f.lastSeen IS NOT NULL
  AND ($analytic IS NULL OR f.analytic = $analytic)
  AND ($hostName IS NULL OR f.hostName = $hostName)
  AND ($severity IS NULL OR f.severity = $severity)
  // Suppressed findings only when asked for by status.
  AND CASE WHEN $status IS NULL THEN f.status <> 'suppressed' ELSE f.status = $status END
RETURN f {.*} AS finding
ORDER BY f.lastSeen DESC, f.id
SKIP $skip LIMIT $limit
