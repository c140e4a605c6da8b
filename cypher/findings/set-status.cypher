// An analyst's decision on a finding, with its audit entry in the same transaction: who, when,
// from what to what, and why. Detection never resets status (see upsert.cypher).
MATCH (f:Finding {id: $id})
WITH f, f.status AS previous
SET f.status = $status, f.statusChangedAt = timestamp()
CREATE (f)-[:AUDITED]->(:AuditEntry {at: timestamp(), actor: $actor, action: 'status', from: previous, to: $status, note: $note})
RETURN f {.*, searchText: null} AS finding
