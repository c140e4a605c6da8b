// From DNS answers and from connections that carry the destination's host name.
// The first-seen time is written only when this batch saw the pair earlier than the graph did:
// a write locks the link until the batch commits, and the same popular pairs come in every batch
// (an unconditional SET made the two workers queue on them: docs/benchmarks.md, run s5).
UNWIND $batch.rows AS r
MATCH (d:Domain {name: r.domain})
MATCH (ip:IP {address: r.ip})
MERGE (d)-[res:RESOLVED_TO]->(ip)
  ON CREATE SET res.firstSeen = r.firstSeen
WITH res, r
WHERE r.firstSeen < res.firstSeen
SET res.firstSeen = r.firstSeen
