// Findings in any order the API offers ($field: lastSeen, firstSeen or score; $descending), or
// matching a text ($text: lower-cased; '' for none): read from the text index of searchText
// (migration 017), filtered, and sorted by (key, id), where key is the field's value, negated for
// descending orders so one ORDER BY serves both directions. Pages continue after the previous
// page's last (value, id) ($after: null for the first page). Every match is read and sorted
// anyway, so the same row also carries how many matched (the page's totalCount, without a second
// text search). The newest-first view without text is findings/list, which seeks the lastSeen index.
MATCH (f:Finding)
WHERE f.searchText CONTAINS $text
  AND ($analytic IS NULL OR f.analytic = $analytic)
  AND ($hostNames IS NULL OR f.hostName IN $hostNames) AND ($hostId IS NULL OR f.hostId = $hostId)
  AND ($severity IS NULL OR f.severity = $severity)
  AND ($since IS NULL OR f.lastSeen >= $since)
  AND ($until IS NULL OR f.firstSeen <= $until)
  AND CASE WHEN $status IS NULL THEN f.status <> 'suppressed' ELSE f.status = $status END
WITH f, CASE $field WHEN 'score' THEN f.score WHEN 'firstSeen' THEN f.firstSeen ELSE f.lastSeen END AS value
WITH f, value, CASE WHEN $descending THEN -value ELSE value END AS key
ORDER BY key, f.id
WITH collect({f: f, value: value, key: key}) AS matches
WITH size(matches) AS total, [m IN matches WHERE $after IS NULL
   OR m.key > CASE WHEN $descending THEN -$after.value ELSE $after.value END
   OR (m.value = $after.value AND m.f.id > $after.id)][..$limit] AS page
// The findings without their searchText (it is for matching, not for reading).
CALL (page) {
  UNWIND page AS m
  WITH m.f AS f
  RETURN collect(f {.*, searchText: null}) AS findings
}
RETURN total, findings
