// A finding's evidence entities still in the graph, the processes that link two evidence processes
// by SPAWNED (installer → helper → writer), and the relationships among all of them, merged per
// pair and type. Pairs are matched with both ends bound, so a busy IP's other traffic is not read.
// Batched: one row per finding of $findings ({id, processUids, fileUids, ipAddresses, packageKeys,
// hostId}), so a page of findings asking for their graphs costs one query.
UNWIND $findings AS finding
CALL (finding) { MATCH (p:Process) WHERE p.uid IN finding.processUids RETURN collect(p) AS processes }
CALL (finding) { MATCH (f:File) WHERE f.uid IN finding.fileUids RETURN collect(f) AS files }
CALL (finding) { MATCH (ip:IP) WHERE ip.address IN finding.ipAddresses RETURN collect(ip) AS ips }
CALL (finding) { MATCH (pkg:Package) WHERE pkg.key IN finding.packageKeys RETURN collect(pkg) AS packages }
CALL (finding) { OPTIONAL MATCH (h:Host {id: finding.hostId}) RETURN h AS host }
CALL (processes) {
  UNWIND processes AS a
  MATCH path = (a)-[:SPAWNED*2..3]->(b:Process)
  WHERE b IN processes
  UNWIND nodes(path)[1..-1] AS link
  WITH link WHERE NOT link IN processes
  RETURN collect(DISTINCT link) AS links
}
WITH finding, processes + links AS actors, files, ips, packages, host, links
CALL (actors, files, ips) {
  UNWIND actors AS a
  UNWIND actors + files + ips AS b
  MATCH (a)-[r:SPAWNED|WROTE|EXECUTED|LOADED|DELETED|CONNECTED]->(b)
  WITH a, b, type(r) AS type, min(r.ts) AS ts, max(r.ts) AS lastTs, count(r) AS count,
       collect(DISTINCT coalesce(r.op, toString(r.dstPort)))[..3] AS labels
  RETURN collect({from: a, to: b, type: type, ts: ts, lastTs: lastTs, count: count, labels: labels})[..1000] AS actorEdges
}
CALL (packages, host) {
  UNWIND packages AS pkg
  MATCH (host)-[i:INSTALLED]->(pkg)
  WITH pkg, min(i.ts) AS ts, max(i.ts) AS lastTs, count(i) AS count, collect(DISTINCT i.op)[..3] AS labels
  RETURN collect({from: host, to: pkg, type: 'INSTALLED', ts: ts, lastTs: lastTs, count: count, labels: labels}) AS packageEdges
}
WITH finding, [n IN actors + files + ips + packages + CASE WHEN size(packages) > 0 THEN [host] ELSE [] END | n] AS nodes,
     [l IN links | l.uid] AS linkUids, actorEdges + packageEdges AS edges
RETURN finding.id AS id,
  [n IN nodes | {kind: labels(n)[0], key: coalesce(n.uid, n.address, n.key, n.id), properties: properties(n)}] AS nodes,
  linkUids,
  [e IN edges | {fromKind: labels(e.from)[0], fromKey: coalesce(e.from.uid, e.from.id),
                 toKind: labels(e.to)[0], toKey: coalesce(e.to.uid, e.to.address, e.to.key),
                 type: e.type, ts: e.ts, lastTs: e.lastTs, count: e.count, labels: e.labels}] AS edges
