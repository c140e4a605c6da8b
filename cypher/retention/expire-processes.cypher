// One batch of processes that ended (or started) before the cutoff, have no events left and are
// not evidence of any finding. Their structural links (SPAWNED, EXECUTED, INSTANCE_OF) go with them.
MATCH (p:Process)
WHERE coalesce(p.endTs, p.startTs) < $cutoff
  AND NOT EXISTS { (p)<-[:EVIDENCE]-(:Finding) }
  AND NOT EXISTS { (p)-[:WROTE|DELETED|LOADED|CONNECTED|QUERIED]->() }
WITH p LIMIT $batch
DETACH DELETE p
RETURN count(*) AS deleted
