// Everything reported as signed by one signer (its name, or a Team ID on verifier verdicts): the
// runs, module loads and verdicts that named it, grouped by content and by host.
CALL () {
  MATCH (s:Signer) WHERE s.name = $name OR s.teamId = $name
  MATCH (f:File)-[v:VERIFIED]->(s)
  RETURN f.hostId AS hostId, f.path AS path, v.sha256 AS sha256, v.status AS status, v.signed AS signed, v.ts AS ts, s.teamId AS teamId
  UNION ALL
  MATCH (p:Process {signer: $name})
  RETURN p.hostId AS hostId, p.image AS path, p.sha256 AS sha256, p.signatureStatus AS status, p.signed AS signed, p.startTs AS ts, p.teamId AS teamId
  UNION ALL
  MATCH (:Process)-[l:LOADED {signer: $name}]->(f:File)
  RETURN f.hostId AS hostId, f.path AS path, l.sha256 AS sha256, l.signatureStatus AS status, l.signed AS signed, l.ts AS ts, l.teamId AS teamId
}
WITH hostId, path, sha256, status, signed, teamId, min(ts) AS firstSeen, max(ts) AS lastSeen, count(*) AS n
WITH collect({hostId: hostId, path: path, sha256: sha256, status: status, signed: signed, teamId: teamId, firstSeen: firstSeen, lastSeen: lastSeen, n: n}) AS rows
CALL (rows) {
  UNWIND rows AS r
  RETURN count(DISTINCT r.hostId) AS prevalence, min(r.firstSeen) AS firstSeen, max(r.lastSeen) AS lastSeen,
         collect(DISTINCT r.teamId)[..$limit] AS teamIds, sum(r.n) AS sightings
}
CALL (rows) {
  UNWIND rows AS r
  WITH r.status AS status, r.signed AS signed, sum(r.n) AS count
  ORDER BY count DESC, status LIMIT $limit
  RETURN collect({signer: $name, status: status, signed: signed, count: count}) AS signatures
}
CALL (rows) {
  UNWIND rows AS r
  WITH r.sha256 AS sha256, collect(DISTINCT r.path) AS paths, count(DISTINCT r.hostId) AS hosts,
       collect(DISTINCT r.status) AS statuses, min(r.firstSeen) AS firstSeen, max(r.lastSeen) AS lastSeen
  ORDER BY coalesce(lastSeen, -1) DESC, sha256 LIMIT $limit
  RETURN collect({sha256: sha256, paths: paths[..10], hosts: hosts, statuses: statuses, firstSeen: firstSeen, lastSeen: lastSeen}) AS binaries
}
CALL (rows) {
  UNWIND rows AS r
  WITH r.hostId AS hostId, count(DISTINCT r.sha256) AS binaries, sum(r.n) AS sightings, min(r.firstSeen) AS firstSeen, max(r.lastSeen) AS lastSeen
  ORDER BY coalesce(lastSeen, -1) DESC, hostId LIMIT $limit
  RETURN collect({hostId: hostId, binaries: binaries, sightings: sightings, firstSeen: firstSeen, lastSeen: lastSeen}) AS hosts
}
RETURN prevalence, firstSeen, lastSeen, teamIds, sightings, signatures, binaries, hosts
