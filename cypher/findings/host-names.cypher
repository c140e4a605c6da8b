// The stored spellings of a host name given in any case, or by its first label: analysts type
// ws-fin-042 where sensors reported WS-FIN-042.corp.example. Findings keep their host's name.
// Two index seeks (migration 021), not a read of every host.
CALL () {
  MATCH (h:Host) USING INDEX SEEK h:Host(nameLower) WHERE h.nameLower = $lower RETURN h
  UNION
  MATCH (h:Host) USING INDEX SEEK h:Host(shortNameLower) WHERE h.shortNameLower = $lower RETURN h
}
RETURN collect(DISTINCT h.name) AS names
