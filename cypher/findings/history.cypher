// A finding's audit trail, oldest first.
MATCH (:Finding {id: $id})-[:AUDITED]->(a:AuditEntry)
RETURN a {.*} AS entry
ORDER BY a.at, elementId(a)
