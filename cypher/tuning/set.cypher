// Sets (or, with a null value, removes) one tunable for one analytic, audited in the same transaction.
MERGE (t:TunableSetting {key: $analytic + '.' + $name})
  ON CREATE SET t.analytic = $analytic, t.name = $name
WITH t, t.valueJson AS previous
SET t.valueJson = $valueJson, t.updatedAt = timestamp(), t.updatedBy = $actor
CREATE (t)-[:AUDITED]->(:AuditEntry {at: timestamp(), actor: $actor, action: 'tunable', from: previous, to: $valueJson, note: $note})
WITH t
// A reset keeps the node for its audit trail; a null value means "not set".
RETURN t.analytic AS analytic, t.name AS name, t.valueJson AS valueJson
