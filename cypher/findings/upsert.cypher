// Findings merge on their deterministic id (analytic + host + anchor). Score and severity only rise;
// status and its audit trail belong to analysts and are never reset here, except to reopen a
// suppressed finding that no longer matches its suppression (below). A new finding that a
// suppression matches is born `suppressed` (kept and countable, not alerted on).
UNWIND $batch.rows AS r
MERGE (f:Finding {id: r.id})
  ON CREATE SET f.analytic = r.analytic, f.hostId = r.hostId, f.hostName = r.hostName,
                f.status = CASE WHEN r.suppressedBy IS NULL THEN 'new' ELSE 'suppressed' END, f.suppressedBy = r.suppressedBy,
                f.firstSeen = r.firstSeen, f.createdAt = timestamp(), f.score = 0
// What the row changes, for the announcement of new and updated findings (src/events/findingsBus.ts).
// searchText (set last, below) covers the reasons, signals and facts, which can change while the score cannot rise.
WITH f, r, f.updatedAt IS NULL AS created, [f.score, f.severity, f.firstSeen, f.lastSeen, f.evidenceJson, coalesce(f.searchText, '')] AS before
SET f.lastSeen = CASE WHEN f.lastSeen IS NULL OR r.lastSeen > f.lastSeen THEN r.lastSeen ELSE f.lastSeen END,
    f.firstSeen = CASE WHEN r.firstSeen < f.firstSeen THEN r.firstSeen ELSE f.firstSeen END,
    f.severity = CASE WHEN r.score >= f.score THEN r.severity ELSE f.severity END,
    f.score = CASE WHEN r.score >= f.score THEN r.score ELSE f.score END,
    f.reasons = r.reasons, f.signals = r.signals, f.evidenceJson = r.evidenceJson, f.updatedAt = timestamp(),
    f.installer = r.installer, f.signer = r.signer, f.destinations = r.destinations
// A suppressed finding that grew past its suppression (a later batch brought a shell child or
// another destination) is reopened, audited: the suppression covered what it was, not what it became.
WITH f, r, created, before, f.suppressedBy AS heldBy, NOT created AND f.status = 'suppressed' AND r.suppressedBy IS NULL AS reopened
FOREACH (_ IN CASE WHEN reopened THEN [1] ELSE [] END |
  SET f.status = 'new', f.suppressedBy = null
  CREATE (f)-[:AUDITED]->(:AuditEntry {at: timestamp(), actor: 'provhunt', action: 'unsuppress', from: 'suppressed', to: 'new',
                                       note: 'outgrew ' + coalesce(heldBy, 'its suppression') + ': ' + reduce(s = '', k IN r.signals | s + k + ' ')}))
WITH f, r, created, before, reopened
CALL (f, r) {
  MATCH (p:Process) WHERE p.uid IN r.processUids
  MERGE (f)-[:EVIDENCE]->(p)
  RETURN count(*) AS processes
}
CALL (f, r) {
  MATCH (file:File) WHERE file.uid IN r.fileUids
  MERGE (f)-[:EVIDENCE]->(file)
  RETURN count(*) AS files
}
CALL (f, r) {
  MATCH (ip:IP) WHERE ip.address IN r.ipAddresses
  MERGE (f)-[:EVIDENCE]->(ip)
  RETURN count(*) AS ips
}
// The contents the evidence ran or held, for the pivot from a binary to its findings.
CALL (f, r) {
  CALL (r) {
    MATCH (p:Process)-[:INSTANCE_OF]->(b:Binary) WHERE p.uid IN r.processUids RETURN b
    UNION
    MATCH (file:File)-[:HAS_CONTENT]->(b:Binary) WHERE file.uid IN r.fileUids RETURN b
  }
  MERGE (f)-[:IMPLICATES]->(b)
  RETURN count(*) AS binaries
}
// The text the findings filter searches, lower-cased (findings/list-ordered; migration 017
// back-fills older findings with the same expression).
CALL (f) {
  WITH f, COLLECT { MATCH (f)-[:EVIDENCE]->(n) UNWIND [n.image, n.commandLine, n.path, n.address] AS t WITH DISTINCT t WHERE t IS NOT NULL RETURN t ORDER BY t } AS evidenceText
  SET f.searchText = toLower(reduce(text = '', t IN [f.id, f.analytic, f.hostName, f.installer, f.signer] + coalesce(f.reasons, []) + coalesce(f.signals, []) + coalesce(f.destinations, []) + evidenceText | text + coalesce(t, '') + '\n'))
}
RETURN f.id AS id, f.analytic AS analytic, f.severity AS severity, f.status AS status,
  // A reopened finding was never announced (suppressed when created): to subscribers it is new.
  CASE WHEN created OR reopened THEN 'created'
       WHEN before <> [f.score, f.severity, f.firstSeen, f.lastSeen, f.evidenceJson, coalesce(f.searchText, '')] THEN 'updated' END AS change
