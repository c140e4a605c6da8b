// A scoped suppression made from a finding an analyst judged benign. Keyed by its scope, so making
// the same one twice changes nothing; the origin finding's audit trail records it.
MATCH (f:Finding {id: $findingId})
MERGE (s:Suppression {id: $id})
  ON CREATE SET s.analytic = $analytic, s.installer = $installer, s.signer = $signer, s.destination = $destination,
                s.hostId = $hostId, s.signals = $signals, s.createdAt = timestamp(), s.createdBy = $actor, s.note = $note
MERGE (s)-[:CREATED_FROM]->(f)
CREATE (f)-[:AUDITED]->(:AuditEntry {at: timestamp(), actor: $actor, action: 'suppress', to: $id, note: $note})
RETURN s {.*} AS suppression
