// A hunter's pivot on content: how prevalent a SHA-256 is, when it was first and last seen, how
// often it ran, and what signers its loads and runs reported. Counted and aggregated here, so a
// binary on every host of the fleet costs no more to send than a rare one; the hosts themselves come
// a page at a time (binary-hosts).
MATCH (b:Binary {sha256: $sha256})
CALL (b) {
  // Every file holding the content (written, loaded, or the image of a run), by host, from the
  // (sha256, hostId) index of HAS_CONTENT: entries only, no file read.
  MATCH ()-[c:HAS_CONTENT]->()
  WHERE c.sha256 = b.sha256 AND c.hostId IS NOT NULL
  RETURN count(DISTINCT c.hostId) AS prevalence
}
CALL (b) {
  OPTIONAL MATCH (f:File)-[:HAS_CONTENT]->(b)
  OPTIONAL MATCH ()-[w:WROTE]->(f) WHERE w.sha256 = b.sha256
  RETURN min(w.ts) AS firstWrite, max(w.ts) AS lastWrite
}
CALL (b) {
  // The runs' start times from the (sha256, startTs) index.
  OPTIONAL MATCH (p:Process) WHERE p.sha256 = b.sha256 AND p.startTs IS NOT NULL
  RETURN min(p.startTs) AS firstRun, max(p.startTs) AS lastRun
}
CALL (b) {
  // Each load of a file holding the content, once, counted per signature state here rather than
  // shipped row by row: a DLL every process loads has millions of loads and a handful of states.
  OPTIONAL MATCH (:Process)-[l:LOADED]->(:File)-[:HAS_CONTENT]->(b) WHERE l.sha256 = b.sha256
  WITH l WHERE l IS NOT NULL
  WITH l.signer AS signer, l.signatureStatus AS status, l.signed AS signed, count(*) AS count
  RETURN collect({signer: signer, status: status, signed: signed, count: count}) AS loadSignatures
}
UNWIND [firstWrite, lastWrite, firstRun, lastRun] AS seen
RETURN b.sha256 AS sha256, prevalence, COUNT { (b)<-[:INSTANCE_OF]-() } AS runCount, min(seen) AS firstSeen, max(seen) AS lastSeen,
  {signer: b.signer, status: b.signatureStatus, signed: b.signed, teamId: b.teamId} AS firstSignature, loadSignatures
