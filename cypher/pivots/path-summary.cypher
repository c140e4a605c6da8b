// A full path on any host: the hosts where it exists, the contents seen at it (first / last seen),
// and who wrote it. $keys are lower-cased lookup keys (File.pathLower); $identities are the path's
// identity forms, so a POSIX path still matches case-sensitively (File.uid = hostId|identity).
// Writes and deletes count whether a process or only the host (file integrity monitoring) made them.
MATCH (f:File) WHERE f.pathLower IN $keys AND any(p IN $identities WHERE f.uid = f.hostId + '|' + p)
CALL (f) {
  MATCH ()-[w:WROTE]->(f) RETURN w.sha256 AS sha256, w.ts AS ts, 'write' AS how
  UNION ALL
  MATCH (p:Process)-[:EXECUTED]->(f) RETURN p.sha256 AS sha256, p.startTs AS ts, 'run' AS how
  UNION ALL
  MATCH (:Process)-[l:LOADED]->(f) RETURN l.sha256 AS sha256, l.ts AS ts, 'load' AS how
  UNION ALL
  MATCH ()-[d:DELETED]->(f) RETURN d.sha256 AS sha256, d.ts AS ts, 'delete' AS how
  UNION ALL
  MATCH (f)-[v:VERIFIED]->(:Signer) RETURN v.sha256 AS sha256, v.ts AS ts, 'verify' AS how
  UNION ALL
  MATCH (f)-[:HAS_CONTENT]->(b:Binary) RETURN b.sha256 AS sha256, null AS ts, 'content' AS how
}
WITH f, sha256, how, min(ts) AS firstSeen, max(ts) AS lastSeen, count(*) AS n
WITH collect({hostId: f.hostId, path: f.path, sha256: sha256, how: how, firstSeen: firstSeen, lastSeen: lastSeen, n: n}) AS rows
CALL (rows) {
  UNWIND rows AS r
  RETURN count(DISTINCT r.hostId) AS prevalence, min(r.firstSeen) AS firstSeen, max(r.lastSeen) AS lastSeen
}
CALL (rows) {
  UNWIND rows AS r
  WITH r.hostId AS hostId, r.path AS path, min(r.firstSeen) AS firstSeen, max(r.lastSeen) AS lastSeen,
       sum(CASE r.how WHEN 'write' THEN r.n ELSE 0 END) AS writes, sum(CASE r.how WHEN 'run' THEN r.n ELSE 0 END) AS runs,
       sum(CASE r.how WHEN 'load' THEN r.n ELSE 0 END) AS loads, sum(CASE r.how WHEN 'delete' THEN r.n ELSE 0 END) AS deletes
  ORDER BY coalesce(lastSeen, -1) DESC, hostId LIMIT $limit
  RETURN collect({hostId: hostId, path: path, firstSeen: firstSeen, lastSeen: lastSeen, writes: writes, runs: runs, loads: loads, deletes: deletes}) AS hosts
}
CALL (rows) {
  UNWIND rows AS r
  WITH r WHERE r.sha256 IS NOT NULL
  WITH r.sha256 AS sha256, count(DISTINCT r.hostId) AS hosts, min(r.firstSeen) AS firstSeen, max(r.lastSeen) AS lastSeen
  ORDER BY coalesce(lastSeen, -1) DESC, sha256 LIMIT $limit
  RETURN collect({sha256: sha256, hosts: hosts, firstSeen: firstSeen, lastSeen: lastSeen}) AS contents
}
RETURN prevalence, firstSeen, lastSeen, hosts, contents
