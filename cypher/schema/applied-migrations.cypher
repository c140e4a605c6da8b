MATCH (m:Migration)
RETURN m.name AS name
ORDER BY name
