// When a key was last used; written when the API verifies it, at most once per cache period.
MATCH (k:ApiKey {id: $id})
SET k.lastUsedAt = timestamp()
