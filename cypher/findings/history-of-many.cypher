// The audit trails of several findings in one query (the API batches a page's `history` fields).
UNWIND $ids AS id
MATCH (:Finding {id: id})-[:AUDITED]->(a:AuditEntry)
WITH id, a
ORDER BY a.at, elementId(a)
RETURN id, collect(a {.*}) AS entries
