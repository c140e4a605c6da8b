MATCH (:TunableSetting {key: $analytic + '.' + $name})-[:AUDITED]->(a:AuditEntry)
RETURN a {.*} AS entry
ORDER BY a.at, elementId(a)
