// The stored spellings of a host name given in any case, or by its first label: analysts type
// ws-fin-042 where sensors reported WS-FIN-042.corp.example. Findings keep their host's name.
MATCH (h:Host)
WHERE toLower(h.name) = $lower OR toLower(split(h.name, '.')[0]) = $lower
RETURN collect(DISTINCT h.name) AS names
