// By id or name. Revoking twice keeps the first revocation's time and actor.
MATCH (k:ApiKey)
WHERE k.id = $ref OR k.name = $ref
SET k.revokedAt = coalesce(k.revokedAt, timestamp()), k.revokedBy = coalesce(k.revokedBy, $actor)
RETURN k {.id, .name, .role, .createdAt, .createdBy, .revokedAt, .revokedBy, .lastUsedAt} AS key
