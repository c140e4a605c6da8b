// A hunter's pivot on content: how prevalent a SHA-256 is, when it was first and last seen, how
// often it ran, and what signature states its loads reported. Every part reads index entries in
// order or the Binary's few summary links, so a content on every host of the fleet costs about what
// a rare one does (not its millions of loads); the hosts themselves come a page at a time (binary-hosts).
MATCH (b:Binary {sha256: $sha256})
CALL (b) {
  // Every file holding the content (written, loaded, or the image of a run), by host, from the
  // (sha256, hostId) index of HAS_CONTENT: entries only, no file read.
  MATCH ()-[c:HAS_CONTENT]->()
  WHERE c.sha256 = b.sha256 AND c.hostId IS NOT NULL
  RETURN count(DISTINCT c.hostId) AS prevalence, count(c) AS files
}
CALL (b) {
  // Files per signature state their loads reported: one LOAD_SIGNATURE per file and state (migration 016).
  OPTIONAL MATCH (b)<-[s:LOAD_SIGNATURE]-()
  WITH s.signer AS signer, s.status AS status, s.signed AS signed, count(s) AS files
  WHERE files > 0
  RETURN collect({signer: signer, status: status, signed: signed, files: files}) AS loadSignatures
}
// First and last write and run of the content: the two ends of the (sha256, ts) index of WROTE and
// of the (sha256, startTs) index of Process, one entry each.
WITH b, prevalence, files, loadSignatures,
  COLLECT { MATCH ()-[w:WROTE]->() WHERE w.sha256 = b.sha256 AND w.ts IS NOT NULL RETURN w.ts AS ts ORDER BY w.sha256, w.ts LIMIT 1 } +
  COLLECT { MATCH ()-[w:WROTE]->() WHERE w.sha256 = b.sha256 AND w.ts IS NOT NULL RETURN w.ts AS ts ORDER BY w.sha256 DESC, w.ts DESC LIMIT 1 } +
  COLLECT { MATCH (p:Process) WHERE p.sha256 = b.sha256 AND p.startTs IS NOT NULL RETURN p.startTs AS ts ORDER BY p.sha256, p.startTs LIMIT 1 } +
  COLLECT { MATCH (p:Process) WHERE p.sha256 = b.sha256 AND p.startTs IS NOT NULL RETURN p.startTs AS ts ORDER BY p.sha256 DESC, p.startTs DESC LIMIT 1 } AS seen
RETURN b.sha256 AS sha256, prevalence, files, COUNT { (b)<-[:INSTANCE_OF]-() } AS runCount,
  reduce(first = null, t IN seen | CASE WHEN first IS NULL OR t < first THEN t ELSE first END) AS firstSeen,
  reduce(last = null, t IN seen | CASE WHEN last IS NULL OR t > last THEN t ELSE last END) AS lastSeen,
  {signer: b.signer, status: b.signatureStatus, signed: b.signed, teamId: b.teamId} AS firstSignature, loadSignatures
