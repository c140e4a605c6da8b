// Newest activity first, read in the order of the lastSeen index (no sort of every finding for a
// page: the lastSeen bound lets the planner seek the index; every finding has a lastSeen). Pages
// continue after the previous page's last (lastSeen, id) ($after: {value: lastSeen, id}, null for the first page): the
// seek starts at the cursor, so a deep page costs what the first does (no SKIP over earlier ones).
// $since bounds the seek from below; other orders and text searches: findings/list-ordered.
MATCH (f:Finding)
WHERE f.lastSeen <= coalesce($after.value, 9223372036854775807)
  AND f.lastSeen >= coalesce($since, -9223372036854775808)
  AND ($until IS NULL OR f.firstSeen <= $until)
  AND ($after IS NULL OR f.lastSeen < $after.value OR f.id > $after.id)
  AND ($analytic IS NULL OR f.analytic = $analytic)
  AND ($hostNames IS NULL OR f.hostName IN $hostNames) AND ($hostId IS NULL OR f.hostId = $hostId)
  AND ($severity IS NULL OR f.severity = $severity)
  // Suppressed findings only when asked for by status.
  AND CASE WHEN $status IS NULL THEN f.status <> 'suppressed' ELSE f.status = $status END
RETURN f {.*, searchText: null} AS finding
ORDER BY f.lastSeen DESC, f.id
LIMIT $limit
