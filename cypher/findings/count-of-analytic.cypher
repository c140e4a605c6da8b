// How many findings of one analytic have one of the statuses and one of the severities: counted
// from the entries of the (status, severity, analytic) index, without reading a finding.
MATCH (f:Finding)
USING INDEX f:Finding(status, severity, analytic)
WHERE f.status IN $statuses AND f.severity IN $severities AND f.analytic = $analytic
RETURN count(f) AS total
