// How many findings match a filter with a text or a time range, as findings/list-ordered filters
// them (the other filters count from indexes: count-of-analytic, count-on-host, ...).
MATCH (f:Finding)
WHERE f.searchText CONTAINS $text
  AND ($analytic IS NULL OR f.analytic = $analytic)
  AND ($hostNames IS NULL OR f.hostName IN $hostNames) AND ($hostId IS NULL OR f.hostId = $hostId)
  AND ($severity IS NULL OR f.severity = $severity)
  AND ($since IS NULL OR f.lastSeen >= $since)
  AND ($until IS NULL OR f.firstSeen <= $until)
  AND CASE WHEN $status IS NULL THEN f.status <> 'suppressed' ELSE f.status = $status END
RETURN count(f) AS total
