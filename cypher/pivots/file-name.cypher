// Files with one name (File.name: lower-cased last path component) across the fleet, grouped by
// identity path (the uid after the host id: case-insensitive on Windows) and content, rarest first:
// the hunter's stack count. A write counts whether a process or only the host (file integrity
// monitoring) reported it.
MATCH (f:File {name: $name})
CALL (f) {
  MATCH ()-[w:WROTE]->(f) RETURN w.sha256 AS sha256, w.ts AS ts
  UNION ALL
  MATCH (p:Process)-[:EXECUTED]->(f) RETURN p.sha256 AS sha256, p.startTs AS ts
  UNION ALL
  MATCH (:Process)-[l:LOADED]->(f) RETURN l.sha256 AS sha256, l.ts AS ts
  UNION ALL
  MATCH (f)-[v:VERIFIED]->(:Signer) RETURN v.sha256 AS sha256, v.ts AS ts
  UNION ALL
  MATCH (f)-[:HAS_CONTENT]->(b:Binary) RETURN b.sha256 AS sha256, null AS ts
}
WITH f, sha256, min(ts) AS firstSeen, max(ts) AS lastSeen
WITH f, collect({sha256: sha256, firstSeen: firstSeen, lastSeen: lastSeen}) AS seen
// Events that reported no hash do not make an "unknown content" group next to the known ones.
WITH f, CASE WHEN any(s IN seen WHERE s.sha256 IS NOT NULL) THEN [s IN seen WHERE s.sha256 IS NOT NULL] ELSE seen END AS seen
UNWIND seen AS s
WITH collect({pathKey: substring(f.uid, size(f.hostId) + 1), path: f.path, hostId: f.hostId, sha256: s.sha256, firstSeen: s.firstSeen, lastSeen: s.lastSeen}) AS rows
CALL (rows) {
  UNWIND rows AS r
  RETURN count(DISTINCT r.hostId) AS prevalence, count(DISTINCT r.pathKey) AS paths, count(DISTINCT r.sha256) AS contents,
         min(r.firstSeen) AS firstSeen, max(r.lastSeen) AS lastSeen
}
CALL (rows) {
  UNWIND rows AS r
  WITH r.pathKey AS pathKey, r.sha256 AS sha256, min(r.path) AS path, count(DISTINCT r.hostId) AS hosts,
       collect(DISTINCT r.hostId) AS hostIds, min(r.firstSeen) AS firstSeen, max(r.lastSeen) AS lastSeen
  ORDER BY hosts, coalesce(lastSeen, -1) DESC, pathKey LIMIT $limit
  RETURN collect({path: path, sha256: sha256, hosts: hosts, hostIds: hostIds[..20], firstSeen: firstSeen, lastSeen: lastSeen}) AS groups
}
RETURN prevalence, paths, contents, firstSeen, lastSeen, groups
