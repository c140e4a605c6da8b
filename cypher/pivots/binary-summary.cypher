// A hunter's pivot on content: where a SHA-256 exists (files and runs), how prevalent it is, when it
// was first and last seen, and what signers its loads and runs reported.
MATCH (b:Binary {sha256: $sha256})
CALL (b) {
  OPTIONAL MATCH (f:File)-[:HAS_CONTENT]->(b)
  OPTIONAL MATCH (:Process)-[w:WROTE]->(f) WHERE w.sha256 = b.sha256
  RETURN collect(DISTINCT {hostId: f.hostId, path: f.path, ts: w.ts}) AS placements
}
CALL (b) {
  OPTIONAL MATCH (p:Process)-[:INSTANCE_OF]->(b)
  RETURN collect(DISTINCT {hostId: p.hostId, path: p.image, ts: p.startTs}) AS runs, count(DISTINCT p) AS runCount
}
CALL (b) {
  OPTIONAL MATCH (:File)-[:HAS_CONTENT]->(b)
  OPTIONAL MATCH (:Process)-[l:LOADED]->(:File)-[:HAS_CONTENT]->(b) WHERE l.sha256 = b.sha256
  WITH l WHERE l IS NOT NULL
  RETURN collect({signer: l.signer, status: l.signatureStatus, signed: l.signed}) AS loadSignatures
}
WITH b, runCount, [x IN placements + runs WHERE x.hostId IS NOT NULL] AS sightings, loadSignatures
RETURN b.sha256 AS sha256,
  {signer: b.signer, status: b.signatureStatus, signed: b.signed, teamId: b.teamId} AS firstSignature,
  sightings, loadSignatures, runCount
