// AN0862 chain: installer (or its descendant) writes a binary in a program path → first run of
// that binary (first process that executes it, or loads it for a library) → anomalies of that run
// (shell child, unsigned module, unsigned or re-signed binary, unapproved egress) within the window.
// Each CALL aggregates, so it yields one row (maybe an empty list) and never drops the chain.
// Parameters: $anchors.uids are candidate written files (File.uid); $since/$until bound the write time.
UNWIND $anchors.uids AS anchorUid
MATCH (written:File {uid: anchorUid})
// A seek per anchor whatever the planner guesses of the list's size (it arrives inside a map).
USING INDEX SEEK written:File(uid)
WHERE any(ext IN $binaryExtensions WHERE written.name ENDS WITH ext)
  AND any(fragment IN $programPaths WHERE toLower(written.path) CONTAINS fragment)
MATCH (writer:Process)-[w:WROTE]->(written)
WHERE w.ts - $since >= 0 AND w.ts - $until <= 0
// The writer is an installer, or runs under one (msiexec custom actions, a setup's helper).
OPTIONAL MATCH installPath = (root:Process)-[:SPAWNED*0..3]->(writer)
WHERE any(re IN $installerPatterns WHERE root.imageName =~ re)
WITH written, writer, w, root ORDER BY length(installPath) ASC
WITH written, writer, w, collect(root)[0] AS installer
WHERE installer IS NOT NULL
// First run: the earliest execution or load of the written file after the write. A library the
// installer (or its writing child) unpacks into its scratch folder and loads itself is part of the
// install, not a first run: NSIS and Inno Setup do so with their unsigned plugin DLLs in %TEMP%
// (msiexec's custom actions are AN0940's); the first other process to load it is. Anywhere else
// (Program Files), the installer's own load of what it wrote counts.
CALL (written, w, writer, installer) {
  MATCH (run:Process)-[x:EXECUTED|LOADED]->(written)
  WHERE x.ts - w.ts >= -$skewMs AND x.ts - w.ts - $windowMs <= 0
    AND NOT (type(x) = 'LOADED' AND run IN [writer, installer] AND any(t IN $scratchPaths WHERE toLower(written.path) CONTAINS t))
  RETURN run AS firstRun, x.ts AS firstRunTs, type(x) = 'LOADED' AS asLibrary
  // Sysmon also logs an image's load of itself at its start: a tie is an execution.
  ORDER BY x.ts ASC, type(x) = 'LOADED' ASC LIMIT 1
}
// What the first run's load of the written file said about its signature (for an executable,
// its load of its own image): Sysmon's process events carry no signature. A process running since
// before the update may have loaded the file's earlier build too: the load after the write counts.
CALL (firstRun, written, w) {
  OPTIONAL MATCH (firstRun)-[self:LOADED]->(written) WHERE self.ts - w.ts >= -$skewMs
  WITH self ORDER BY self.ts ASC LIMIT 1
  RETURN self.signer AS loadSigner, self.signed AS loadSigned, self.signatureStatus AS loadStatus
}
// A library loaded by a process whose own image was just written is part of that image's chain
// (its unsigned-module signal): one finding per install and first run, not one per file.
WITH * WHERE NOT (asLibrary AND EXISTS {
  MATCH (firstRun)-[:EXECUTED]->(image:File)<-[recent:WROTE]-(:Process)
  WHERE image <> written AND recent.ts - w.ts >= -$windowMs AND recent.ts - w.ts - $windowMs <= 0
})
// A library's signature is its load's alone: the loading process's own (Elastic puts it on
// process events) says nothing of the written DLL.
WITH installer, writer, w, written, firstRun, firstRunTs, asLibrary,
     CASE WHEN asLibrary THEN loadSigner ELSE coalesce(firstRun.signer, loadSigner) END AS signer,
     CASE WHEN asLibrary THEN loadSigned ELSE coalesce(firstRun.signed, loadSigned) END AS signed,
     CASE WHEN asLibrary THEN loadStatus ELSE coalesce(firstRun.signatureStatus, loadStatus) END AS signatureStatus
// A shell the first run starts itself. Not through its own helper processes: an Electron app's
// helpers start shells by trade (VS Code's terminal, its extensions' cmd.exe /d /s /c), within
// TimeWindow of every update.
CALL (firstRun, firstRunTs, w) {
  MATCH (firstRun)-[s:SPAWNED]->(child:Process)
  // coalesce: a form Process(imageName)'s index cannot serve, so no statistics make the planner
  // read every shell of the fleet from that index and join it to this run's children.
  WHERE s.ts - firstRunTs >= -$skewMs AND s.ts - w.ts - $windowMs <= 0 AND coalesce(child.imageName, '') IN $shellImages
  RETURN collect(DISTINCT {uid: child.uid, image: child.image, commandLine: child.commandLine, ts: s.ts, source: child.source}) AS shellChildren
}
CALL (firstRun, firstRunTs, w, written) {
  MATCH (firstRun)-[l:LOADED]->(module:File)
  WHERE l.ts - firstRunTs >= -$skewMs AND l.ts - w.ts - $windowMs <= 0 AND module <> written
    // An approved signer's name on a signature that does not verify is what tampering leaves
    // (a patched DLL keeps its certificate; the digest breaks), so it is no excuse here; only an
    // expired certificate is (a vendor's old DLL signed without a timestamp).
    AND (l.signed = false OR (l.signatureStatus IS NOT NULL AND l.signatureStatus <> 'valid'))
    AND NOT (coalesce(l.signer, '') IN $approvedSigners AND coalesce(l.signatureStatus, '') IN ['expired', 'errorexpired'])
  // One entry per module, from its first such load (a process loads a module again and again).
  WITH module, l ORDER BY l.ts ASC
  WITH module, collect(l)[0] AS l
  RETURN collect(DISTINCT {uid: module.uid, path: module.path, signed: l.signed, status: l.signatureStatus, signer: l.signer, ts: l.ts, source: l.source}) AS unsignedModules
}
// The same file's signer before this write, as seen by earlier loads or runs: a signer that
// vanished or changed across an update is a signal of its own (signed trojans still get here).
CALL (written, w) {
  OPTIONAL MATCH (:Process)-[before:LOADED]->(written) WHERE before.ts - w.ts < 0 AND coalesce(before.signer, '') <> ''
  OPTIONAL MATCH (earlier:Process)-[ex:EXECUTED]->(written) WHERE ex.ts - w.ts < 0 AND coalesce(earlier.signer, '') <> ''
  RETURN collect(DISTINCT before.signer) + collect(DISTINCT earlier.signer) AS previousSigners
}
CALL (firstRun, firstRunTs, w) {
  MATCH (firstRun)-[:SPAWNED*0..3]->(talker:Process)-[c:CONNECTED]->(ip:IP)
  WHERE c.ts - firstRunTs >= -$skewMs AND c.ts - w.ts - $windowMs <= 0 AND c.direction <> 'inbound'
  // One entry per talker, address and name, from its first connection: a beacon repeats the same
  // connection thousands of times, and joining or checking each made every batch slower than the last.
  WITH talker, ip, coalesce(c.dstHostname, '') AS named, c ORDER BY c.ts ASC
  WITH talker, ip, named, collect(c)[0] AS c
  // Without a name on the connection, the names the talker resolved to this address before it
  // (a name resolved later cannot vouch for the connection).
  WITH talker, ip, c, CASE WHEN named <> '' THEN [named] ELSE COLLECT {
    MATCH (domain:Domain)-[:RESOLVED_TO]->(ip)
    WHERE EXISTS { MATCH (talker)-[q:QUERIED]->(domain) WHERE q.ts - c.ts - $skewMs <= 0 }
    RETURN DISTINCT domain.name
  } END AS names
  UNWIND CASE WHEN size(names) = 0 THEN [''] ELSE names END AS hostname
  WITH c, ip, talker, hostname
  WHERE NOT ip.address IN $approvedHosts
    AND NOT any(suffix IN $approvedHosts WHERE hostname = suffix OR hostname ENDS WITH '.' + suffix)
  // Never contacted by any process on any host within the look-back before: first seen.
  WITH c, ip, talker, hostname,
       NOT EXISTS { MATCH (:Process)-[prior:CONNECTED]->(ip) WHERE prior.ts - c.ts < 0 AND prior.ts - c.ts >= -$firstSeenLookbackMs } AS firstSeen
  RETURN collect(DISTINCT {uid: talker.uid, ip: ip.address, hostname: hostname, port: c.dstPort, ts: c.ts, source: c.source, firstSeen: firstSeen}) AS unapprovedConnections
}
WITH installer, writer, w, written, firstRun, firstRunTs, signer, signed, signatureStatus, shellChildren, unsignedModules, unapprovedConnections,
     [s IN previousSigners WHERE s <> coalesce(signer, '')] AS changedFrom,
     (signed = false OR (signatureStatus IS NOT NULL AND signatureStatus <> 'valid')) AS badSignature
WITH *, [n IN unapprovedConnections WHERE n.firstSeen] AS newDestinations
WHERE size(shellChildren) + size(unsignedModules) + size(unapprovedConnections) > 0 OR badSignature OR size(changedFrom) > 0
MATCH (host:Host {id: written.hostId})
// Standard analytic output (cypher/analytics/README.md).
RETURN host.id AS hostId, host.name AS hostName,
  [written.uid, firstRun.uid] AS anchor,
  [
    {stage: 1, role: 'installer', kind: 'Process', key: installer.uid, label: coalesce(installer.commandLine, installer.image), ts: installer.startTs, source: installer.source}
  ]
  + CASE WHEN writer <> installer THEN [{stage: 1, role: 'installer-child', kind: 'Process', key: writer.uid, label: coalesce(writer.commandLine, writer.image), ts: writer.startTs, source: writer.source}] ELSE [] END
  + [
    {stage: 2, role: 'written-binary', kind: 'File', key: written.uid, label: w.op + ' ' + written.path, ts: w.ts, source: w.source},
    {stage: 3, role: 'first-run', kind: 'Process', key: firstRun.uid, label: coalesce(firstRun.commandLine, firstRun.image), ts: firstRunTs, source: firstRun.source}
  ]
  + [c IN shellChildren | {stage: 3, role: 'shell-child', kind: 'Process', key: c.uid, label: coalesce(c.commandLine, c.image), ts: c.ts, source: c.source}]
  + [m IN unsignedModules | {stage: 3, role: 'unsigned-module', kind: 'File', key: m.uid, label: m.path, ts: m.ts, source: m.source}]
  + [n IN unapprovedConnections | {stage: 4, role: 'connection', kind: 'IP', key: n.ip, label: CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname + ' (' + n.ip + ')' END, ts: n.ts, source: n.source}]
  AS evidence,
  [c IN shellChildren | {signal: 'shellChild', reason: 'first run spawned ' + c.image, ts: c.ts}]
  + [m IN unsignedModules | {signal: 'unsignedModule', reason: 'first run loaded a module that is not validly signed: ' + m.path, ts: m.ts}]
  + CASE WHEN badSignature THEN [{signal: 'unsignedBinary', reason: 'the written binary is ' + CASE WHEN signed = false THEN 'unsigned' ELSE 'signed with status ' + signatureStatus END + ': ' + written.path, ts: firstRunTs}] ELSE [] END
  // toString: Cypher's type inference mistakes these strings for booleans at compile time.
  + [prev IN changedFrom | {signal: 'signatureChanged', reason: 'signer changed across the update: was ' + toString(prev) + ', now ' + coalesce(toString(signer), 'unsigned'), ts: w.ts}]
  + [n IN unapprovedConnections | {signal: 'unapprovedHost', reason: 'connected to a host that is not an approved update host: ' + CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END, ts: n.ts}]
  + [n IN newDestinations | {signal: 'newDestination', reason: 'first contact by any host within the look-back: ' + CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END, ts: n.ts}]
  AS signals,
  // Context that lowers the score but never hides the chain (3CX and SUNBURST were vendor-signed).
  CASE WHEN signer IN $approvedSigners AND NOT badSignature THEN [{mitigation: 'approvedSigner', reason: 'the first run is signed by an approved signer: ' + signer}] ELSE [] END AS mitigations,
  // What a suppression can be scoped by (src/analytics/findings.ts: FindingFacts).
  {installer: installer.imageName, signer: signer,
   destinations: [n IN unapprovedConnections | CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END]} AS facts
