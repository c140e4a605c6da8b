// CREATE, not MERGE: a taken id or name fails on the uniqueness constraints instead of reusing a
// key. revokedAt and lastUsedAt stay unset (null) until they happen.
CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: timestamp(), createdBy: $actor})
RETURN k {.id, .name, .role, .createdAt, .createdBy, .revokedAt, .revokedBy, .lastUsedAt} AS key
