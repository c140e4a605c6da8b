// Removing a suppression reopens what it held back (status suppressed → new), audited on each.
MATCH (s:Suppression {id: $id})
OPTIONAL MATCH (held:Finding {suppressedBy: s.id, status: 'suppressed'})
FOREACH (f IN CASE WHEN held IS NULL THEN [] ELSE [held] END |
  SET f.status = 'new', f.suppressedBy = null
  CREATE (f)-[:AUDITED]->(:AuditEntry {at: timestamp(), actor: $actor, action: 'unsuppress', from: 'suppressed', to: 'new', note: $id}))
WITH s, count(held) AS reopened
DETACH DELETE s
RETURN reopened
