// One batch of per-event relationships older than the cutoff. A relationship between two entities
// that are both evidence of a finding is kept, so a finding's evidence path stays drawable.
MATCH (a)-[r:WROTE|DELETED|LOADED|CONNECTED|QUERIED|INSTALLED|VERIFIED]->(b)
WHERE r.ts < $cutoff
  AND NOT (EXISTS { (a)<-[:EVIDENCE]-(:Finding) } AND EXISTS { (b)<-[:EVIDENCE]-(:Finding) })
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
