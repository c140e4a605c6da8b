// Findings in any order the API offers ($field: lastSeen, firstSeen or score; $descending), or
// matching a text ($text: lower-cased; '' for none): read from the text index of searchText
// (migration 017), filtered, and sorted by (key, id), where key is the field's value, negated for
// descending orders so one ORDER BY serves both directions. Pages continue after the previous
// page's last (value, id) ($after: null for the first page). Costs the matching findings, not a
// page: the newest-first view without text is findings/list, which seeks the lastSeen index.
MATCH (f:Finding)
WHERE f.searchText CONTAINS $text
  AND ($analytic IS NULL OR f.analytic = $analytic)
  AND ($hostName IS NULL OR f.hostName = $hostName)
  AND ($severity IS NULL OR f.severity = $severity)
  AND ($since IS NULL OR f.lastSeen >= $since)
  AND ($until IS NULL OR f.firstSeen <= $until)
  AND CASE WHEN $status IS NULL THEN f.status <> 'suppressed' ELSE f.status = $status END
WITH f, CASE $field WHEN 'score' THEN f.score WHEN 'firstSeen' THEN f.firstSeen ELSE f.lastSeen END AS value
WITH f, value, CASE WHEN $descending THEN -value ELSE value END AS key
WHERE $after IS NULL
   OR key > CASE WHEN $descending THEN -$after.value ELSE $after.value END
   OR (value = $after.value AND f.id > $after.id)
RETURN f {.*} AS finding, value
ORDER BY key, f.id
LIMIT $limit
