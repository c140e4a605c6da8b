// Every suppression with how many findings it has held back.
MATCH (s:Suppression)
OPTIONAL MATCH (held:Finding {suppressedBy: s.id})
WITH s, count(held) AS hits
RETURN s {.*, hits: hits} AS suppression
ORDER BY s.createdAt, s.id
