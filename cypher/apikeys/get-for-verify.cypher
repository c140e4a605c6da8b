// The one read that returns a key's hash: the API compares it with the presented token's.
MATCH (k:ApiKey {id: $id})
RETURN k.name AS name, k.role AS role, k.hash AS hash, k.revokedAt AS revokedAt
