MATCH (:Process {uid: $uid})-[q:QUERIED]->(d:Domain)
RETURN {domain: d.name, answers: coalesce(q.answers, []), ts: q.ts} AS query
ORDER BY q.ts DESC
LIMIT $limit
