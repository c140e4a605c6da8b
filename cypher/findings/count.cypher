MATCH (f:Finding)
WHERE ($analytic IS NULL OR f.analytic = $analytic)
  AND ($hostName IS NULL OR f.hostName = $hostName)
  AND ($severity IS NULL OR f.severity = $severity)
  // Suppressed findings only when asked for by status.
  AND CASE WHEN $status IS NULL THEN f.status <> 'suppressed' ELSE f.status = $status END
RETURN count(f) AS total
