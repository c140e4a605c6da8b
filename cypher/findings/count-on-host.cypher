// How many findings of one host match the other filters: read from the host name index (a host
// has few findings of its own), then filtered.
MATCH (f:Finding)
USING INDEX f:Finding(hostName)
WHERE f.hostName IN $hostNames
  AND f.status IN $statuses AND f.severity IN $severities
  AND ($analytic IS NULL OR f.analytic = $analytic)
RETURN count(f) AS total
