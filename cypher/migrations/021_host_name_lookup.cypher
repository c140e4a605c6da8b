// A host is found by its name in any case, or by its first label (`findings --host ws-fin-042` for
// WS-FIN-042.corp.example; cypher/findings/host-names): lower-cased copies under RANGE indexes,
// written when the host is created (hosts never change), so the look-up is two seeks instead of a
// read of every host's name per filtered list.
CREATE INDEX host_name_lower IF NOT EXISTS FOR (h:Host) ON (h.nameLower);
CREATE INDEX host_short_name_lower IF NOT EXISTS FOR (h:Host) ON (h.shortNameLower);
// Hosts written before; 10,000 per transaction. The same expressions as the ingest statements.
MATCH (h:Host) WHERE h.nameLower IS NULL AND h.name IS NOT NULL
CALL (h) {
  SET h.nameLower = toLower(h.name), h.shortNameLower = toLower(split(h.name, '.')[0])
} IN TRANSACTIONS OF 10000 ROWS;
