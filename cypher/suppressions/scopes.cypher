// What every suppression is scoped by, for matching new findings (no hit counts: hot path).
MATCH (s:Suppression)
RETURN s {.id, .analytic, .installer, .signer, .destination, .hostId, .signals} AS scope
