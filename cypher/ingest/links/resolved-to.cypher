// From DNS answers and from connections that carry the destination's host name.
UNWIND $batch.rows AS r
MATCH (d:Domain {name: r.domain})
MATCH (ip:IP {address: r.ip})
MERGE (d)-[res:RESOLVED_TO]->(ip)
  ON CREATE SET res.firstSeen = r.firstSeen
  ON MATCH SET res.firstSeen = CASE WHEN r.firstSeen < res.firstSeen THEN r.firstSeen ELSE res.firstSeen END
