// Findings whose activity began in [$since, $until), counted per UTC-aligned bucket of $bucketMs
// (an hour or a day), analytic and severity. Only non-empty buckets; suppressed findings are left
// out, as in the findings list.
MATCH (f:Finding)
WHERE f.firstSeen >= $since AND f.firstSeen < $until AND f.status <> 'suppressed'
WITH f.firstSeen - f.firstSeen % $bucketMs AS start, f.analytic AS analytic, f.severity AS severity, count(*) AS count
RETURN start, analytic, severity, count
ORDER BY start, analytic, severity
