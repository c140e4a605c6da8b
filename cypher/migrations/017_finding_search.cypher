// The findings filter's text search (findings/list-ordered): a lower-cased searchText per finding,
// served by a text (trigram) index, which answers CONTAINS without reading every finding.
CREATE TEXT INDEX finding_search_text IF NOT EXISTS FOR (f:Finding) ON (f.searchText);
// Back-fill for findings stored before, with the expression of findings/upsert.
MATCH (f:Finding) WHERE f.searchText IS NULL
CALL (f) {
  WITH f, COLLECT { MATCH (f)-[:EVIDENCE]->(n) UNWIND [n.image, n.commandLine, n.path, n.address] AS t WITH DISTINCT t WHERE t IS NOT NULL RETURN t ORDER BY t } AS evidenceText
  SET f.searchText = toLower(reduce(text = '', t IN [f.id, f.analytic, f.hostName, f.installer, f.signer] + coalesce(f.reasons, []) + coalesce(f.signals, []) + coalesce(f.destinations, []) + evidenceText | text + coalesce(t, '') + '\n'))
} IN TRANSACTIONS OF 1000 ROWS;
