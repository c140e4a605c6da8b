// AN0862 chain: installer writes a binary in a program path → first run of that binary →
// anomalies of that run (shell child, unsigned module, unapproved egress) within the window.
// Each CALL aggregates, so it yields one row (maybe an empty list) and never drops the chain.
// Parameters: $anchorUids are candidate written files (File.uid); $since/$until bound the write time.
UNWIND $anchorUids AS anchorUid
MATCH (written:File {uid: anchorUid})
MATCH (installer:Process)-[w:WROTE]->(written)
WHERE w.ts >= $since AND w.ts <= $until
  AND any(re IN $installerPatterns WHERE installer.imageName =~ re)
  AND any(ext IN $binaryExtensions WHERE written.name ENDS WITH ext)
  AND any(fragment IN $programPaths WHERE toLower(written.path) CONTAINS fragment)
MATCH (firstRun:Process)-[x:EXECUTED]->(written)
WHERE x.ts >= w.ts - $skewMs AND x.ts <= w.ts + $windowMs
WITH installer, w, written, firstRun, x ORDER BY x.ts ASC
WITH installer, w, written, collect({process: firstRun, ts: x.ts})[0] AS first
WITH installer, w, written, first.process AS firstRun, first.ts AS firstRunTs
CALL (firstRun, w) {
  MATCH (firstRun)-[s:SPAWNED]->(child:Process)
  WHERE s.ts <= w.ts + $windowMs AND child.imageName IN $shellImages
  RETURN collect(DISTINCT {uid: child.uid, image: child.image, commandLine: child.commandLine, ts: s.ts, source: child.source}) AS shellChildren
}
CALL (firstRun, w) {
  MATCH (firstRun)-[l:LOADED]->(module:File)
  WHERE l.ts <= w.ts + $windowMs
    AND (l.signed = false OR (l.signatureStatus IS NOT NULL AND l.signatureStatus <> 'valid'))
    AND NOT coalesce(l.signer, '') IN $approvedSigners
  RETURN collect(DISTINCT {uid: module.uid, path: module.path, signed: l.signed, status: l.signatureStatus, signer: l.signer, ts: l.ts, source: l.source}) AS unsignedModules
}
CALL (firstRun, w) {
  MATCH (firstRun)-[:SPAWNED*0..3]->(talker:Process)-[c:CONNECTED]->(ip:IP)
  WHERE c.ts >= w.ts - $skewMs AND c.ts <= w.ts + $windowMs AND c.direction <> 'inbound'
  OPTIONAL MATCH (talker)-[q:QUERIED]->(domain:Domain)-[:RESOLVED_TO]->(ip)
  WITH c, ip, talker, coalesce(c.dstHostname, domain.name, '') AS hostname
  WHERE NOT ip.address IN $approvedHosts
    AND NOT any(suffix IN $approvedHosts WHERE hostname = suffix OR hostname ENDS WITH '.' + suffix)
  RETURN collect(DISTINCT {uid: talker.uid, ip: ip.address, hostname: hostname, port: c.dstPort, ts: c.ts, source: c.source}) AS unapprovedConnections
}
WITH installer, w, written, firstRun, firstRunTs, shellChildren, unsignedModules, unapprovedConnections
WHERE size(shellChildren) + size(unsignedModules) + size(unapprovedConnections) > 0
MATCH (host:Host {id: installer.hostId})
// Standard analytic output (see src/analytics/findings.ts): host, anchor, evidence steps, signals.
RETURN host.id AS hostId, host.name AS hostName,
  [written.uid, firstRun.uid] AS anchor,
  [
    {stage: 1, role: 'installer', kind: 'Process', key: installer.uid, label: coalesce(installer.commandLine, installer.image), ts: installer.startTs, source: installer.source},
    {stage: 2, role: 'written-binary', kind: 'File', key: written.uid, label: w.op + ' ' + written.path, ts: w.ts, source: w.source},
    {stage: 3, role: 'first-run', kind: 'Process', key: firstRun.uid, label: coalesce(firstRun.commandLine, firstRun.image), ts: firstRunTs, source: firstRun.source}
  ]
  + [c IN shellChildren | {stage: 3, role: 'shell-child', kind: 'Process', key: c.uid, label: coalesce(c.commandLine, c.image), ts: c.ts, source: c.source}]
  + [m IN unsignedModules | {stage: 3, role: 'unsigned-module', kind: 'File', key: m.uid, label: m.path, ts: m.ts, source: m.source}]
  + [n IN unapprovedConnections | {stage: 4, role: 'connection', kind: 'IP', key: n.ip, label: CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname + ' (' + n.ip + ')' END, ts: n.ts, source: n.source}]
  AS evidence,
  [c IN shellChildren | {signal: 'shellChild', reason: 'first run spawned ' + c.image, ts: c.ts}]
  + [m IN unsignedModules | {signal: 'unsignedModule', reason: 'first run loaded a module that is not validly signed: ' + m.path, ts: m.ts}]
  + [n IN unapprovedConnections | {signal: 'unapprovedHost', reason: 'connected to a host that is not an approved update host: ' + CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END, ts: n.ts}]
  AS signals,
  // What a suppression can be scoped by (src/analytics/findings.ts: FindingFacts).
  {installer: installer.imageName, signer: firstRun.signer,
   destinations: [n IN unapprovedConnections | CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END]} AS facts
