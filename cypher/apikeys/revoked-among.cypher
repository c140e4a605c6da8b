// Which of these keys are revoked: the API's periodic check of the keys its open subscriptions
// were opened with (one lookup per key on the id constraint's index).
MATCH (k:ApiKey)
WHERE k.id IN $ids AND k.revokedAt IS NOT NULL
RETURN k.id AS id
