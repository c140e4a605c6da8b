// Every key, oldest first. The hash is never returned.
MATCH (k:ApiKey)
RETURN k {.id, .name, .role, .createdAt, .createdBy, .revokedAt, .revokedBy, .lastUsedAt} AS key
ORDER BY k.createdAt, k.id
