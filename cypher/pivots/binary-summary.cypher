// A hunter's pivot on content: where a SHA-256 exists (files and runs), how prevalent it is, when it
// was first and last seen, and what signers its loads and runs reported. Sightings come per host and
// path with their first and last time (not one row per write or run), so a binary on most hosts of
// the fleet costs its host-path pairs, not its millions of runs.
MATCH (b:Binary {sha256: $sha256})
CALL (b) {
  OPTIONAL MATCH (f:File)-[:HAS_CONTENT]->(b)
  OPTIONAL MATCH (:Process)-[w:WROTE]->(f) WHERE w.sha256 = b.sha256
  WITH f.hostId AS hostId, f.path AS path, min(w.ts) AS first, max(w.ts) AS last
  RETURN collect({hostId: hostId, path: path, ts: first}) + collect({hostId: hostId, path: path, ts: last}) AS placements
}
CALL (b) {
  OPTIONAL MATCH (p:Process)-[:INSTANCE_OF]->(b)
  WITH p.hostId AS hostId, p.image AS path, min(p.startTs) AS first, max(p.startTs) AS last, count(p) AS runs
  RETURN collect({hostId: hostId, path: path, ts: first}) + collect({hostId: hostId, path: path, ts: last}) AS runs, sum(runs) AS runCount
}
CALL (b) {
  // Each load of a file holding the content, once, counted per signature state here rather than
  // shipped row by row: a DLL every process loads has millions of loads and a handful of states.
  OPTIONAL MATCH (:Process)-[l:LOADED]->(:File)-[:HAS_CONTENT]->(b) WHERE l.sha256 = b.sha256
  WITH l WHERE l IS NOT NULL
  WITH l.signer AS signer, l.signatureStatus AS status, l.signed AS signed, count(*) AS count
  RETURN collect({signer: signer, status: status, signed: signed, count: count}) AS loadSignatures
}
WITH b, runCount, [x IN placements + runs WHERE x.hostId IS NOT NULL] AS sightings, loadSignatures
RETURN b.sha256 AS sha256,
  {signer: b.signer, status: b.signatureStatus, signed: b.signed, teamId: b.teamId} AS firstSignature,
  sightings, loadSignatures, runCount
