// AN0864 chain (macOS): an installer or updater writes a file in PathScope (or moves a directory
// holding it into place: an app bundle, a Homebrew keg) → the first run of that file outside the
// install → that run's shell children, modules, signature facts, verifier verdicts and egress, or a
// formula from an untrusted tap, all within TimeWindow of the write. Each CALL that gathers a
// signal aggregates, so a missing signal never drops the chain.
// Parameters: $anchors.uids are candidate files (File.uid); $since/$until bound the write time.
UNWIND $anchors.uids AS anchorUid
MATCH (a:File {uid: anchorUid})
// A seek per anchor whatever the planner guesses of the list's size (it arrives inside a map).
USING INDEX SEEK a:File(uid)
CALL (a) {
  RETURN a.uid AS imageUid
  UNION
  // A directory an installer moved into place whole (an app bundle swapped in by Sparkle, ShipIt or
  // PackageKit, a Homebrew keg moved into the Cellar): what has run from inside it.
  WITH a WHERE EXISTS {
    MATCH (mover:Process)-[m:WROTE {op: 'rename'}]->(a)
    WHERE m.ts - $since >= 0 AND m.ts - $until <= 0
      AND EXISTS {
        MATCH (moverInstaller:Process)-[:SPAWNED*0..6]->(mover)
        WHERE any(re IN $installerPatterns WHERE coalesce(moverInstaller.imageName, '') =~ re)
           OR any(re IN $installerCommandLines WHERE coalesce(moverInstaller.commandLine, '') =~ re)
      }
  }
  MATCH (inside:File)
  USING INDEX SEEK inside:File(hostId, path)
  WHERE inside.hostId = a.hostId AND inside.path STARTS WITH a.path + '/' AND EXISTS { MATCH (:Process)-[:EXECUTED]->(inside) }
  RETURN inside.uid AS imageUid
}
WITH DISTINCT imageUid
MATCH (image:File {uid: imageUid})
USING INDEX SEEK image:File(uid)
WHERE any(re IN $pathScope WHERE image.path =~ re)
// What put the image in place: a write of the file itself, or a move (rename) of a directory above
// it. POSIX file uids are host + path, so the directories' uids share the image's host prefix.
WITH image, left(image.uid, size(image.uid) - size(image.path)) AS hostPrefix, split(image.path, '/') AS parts
UNWIND [{uid: image.uid, whole: false}]
       + [i IN range(2, size(parts) - 1) | {uid: hostPrefix + reduce(dir = '', part IN parts[1..i] | dir + '/' + part), whole: true}] AS target
MATCH (written:File {uid: target.uid})<-[w:WROTE]-(writer:Process)
USING INDEX SEEK written:File(uid)
WHERE w.ts - $since >= 0 AND w.ts - $until <= 0 AND (NOT target.whole OR w.op = 'rename')
// The installer is the writer or an ancestor of it: tar under brew's Ruby, a postinstall under package_script_service.
MATCH lineage = (installer:Process)-[:SPAWNED*0..6]->(writer)
WHERE any(re IN $installerPatterns WHERE coalesce(installer.imageName, '') =~ re)
   OR any(re IN $installerCommandLines WHERE coalesce(installer.commandLine, '') =~ re)
// A write of the image itself wins over a move of a directory above it; then the last write (the
// content that runs) and the outermost installer (the command behind it).
WITH image, written, w, writer, installer, target.whole AS whole, length(lineage) AS depth
ORDER BY whole ASC, w.ts DESC, depth DESC
WITH image, head(collect({written: written, w: w, writer: writer, installer: installer})) AS install
WITH image, install.written AS written, install.w AS w, install.writer AS writer, install.installer AS installer
// Stage 3: the first process that ran the file, or for a library written on its own the first
// that loaded it (a library inside a moved bundle is judged as a module of the bundle's programs).
CALL (image, written, w) {
  MATCH (run:Process)-[x:EXECUTED]->(image)
  WHERE x.ts - w.ts >= -$skewMs AND x.ts - w.ts - $windowMs <= 0
  RETURN run, x.ts AS ts, 'executed' AS how,
         {signed: run.signed, status: run.signatureStatus, teamId: run.teamId, notarized: run.notarized, platform: run.platformBinary} AS signature
  UNION
  MATCH (run:Process)-[l:LOADED]->(image)
  WHERE written.uid = image.uid AND l.ts - w.ts >= -$skewMs AND l.ts - w.ts - $windowMs <= 0
  RETURN run, l.ts AS ts, 'loaded' AS how,
         {signed: l.signed, status: l.signatureStatus, teamId: l.teamId, notarized: null, platform: null} AS signature
}
// Runs by the installer's own scripts (a pkg postinstall, brew's post_install) are part of the install: stage 1.
WITH image, written, w, writer, installer, run, ts, how, signature
WHERE NOT EXISTS {
  MATCH (ancestor:Process)-[:SPAWNED*1..6]->(run)
  WHERE any(re IN $installerPatterns WHERE coalesce(ancestor.imageName, '') =~ re)
     OR any(re IN $installerCommandLines WHERE coalesce(ancestor.commandLine, '') =~ re)
}
WITH image, written, w, writer, installer, run, ts, how, signature ORDER BY ts ASC, run.uid ASC
WITH image, written, w, writer, installer, head(collect({run: run, ts: ts, how: how, signature: signature})) AS first
WITH image, written, w, writer, installer, first.run AS firstRun, first.ts AS firstRunTs, first.how AS how, first.signature AS sig,
     any(re IN $adhocPaths WHERE image.path =~ re) AS adhocNormal
// An installer or updater (brew after Homebrew updated itself) runs scripts through sh, and a shell
// or interpreter starts shells by trade: their shell children are no anomaly.
WITH image, written, w, writer, installer, firstRun, firstRunTs, how, sig, adhocNormal,
     any(re IN $packageManagers WHERE coalesce(firstRun.imageName, '') =~ re)
     OR any(re IN $installerCommandLines WHERE coalesce(firstRun.commandLine, '') =~ re)
     OR any(re IN $shellPatterns WHERE coalesce(firstRun.imageName, '') =~ re) AS startsShellsByTrade
CALL (firstRun, w, startsShellsByTrade) {
  MATCH spawn = (firstRun)-[:SPAWNED*1..3]->(child:Process)
  WHERE NOT startsShellsByTrade
    // Through the run's own fork copies only (Endpoint Security reports fork and exec apart): what
    // a shell child starts is the shell's doing.
    AND all(n IN nodes(spawn)[1..-1] WHERE n.image = firstRun.image)
    AND last(relationships(spawn)).ts <= w.ts + $windowMs
    AND any(re IN $shellPatterns WHERE coalesce(child.imageName, '') =~ re)
    // A bare login shell ("-zsh", as login(1) starts it, no command) is a person opening a terminal.
    AND NOT coalesce(child.commandLine, '') =~ '-[a-z]*sh'
  WITH child, last(relationships(spawn)) AS s
  RETURN collect(DISTINCT {uid: child.uid, image: child.image, commandLine: child.commandLine, ts: s.ts, source: child.source}) AS shellChildren
}
// Modules of the first run that are not validly signed (ad hoc included, outside AdhocSignedPaths),
// or signed by a Team ID that is neither allowed nor the first run's own (that one is judged on the binary).
CALL (firstRun, w) {
  MATCH (firstRun)-[l:LOADED]->(module:File)
  WHERE l.ts - w.ts - $windowMs <= 0
    AND (((l.signed = false OR (l.signatureStatus IS NOT NULL AND l.signatureStatus <> 'valid')) AND NOT any(re IN $adhocPaths WHERE module.path =~ re))
      OR (l.teamId IS NOT NULL AND l.teamId <> coalesce(firstRun.teamId, '') AND NOT l.teamId IN $allowedTeamIds))
  // One entry per module, from its first such load (a process loads a module again and again).
  WITH module, l ORDER BY l.ts ASC
  WITH module, collect(l)[0] AS l
  RETURN collect(DISTINCT {uid: module.uid, path: module.path, signed: l.signed, status: l.signatureStatus, teamId: l.teamId, ts: l.ts, source: l.source}) AS unsignedModules
}
// What verifiers said about the image or the written bundle: Gatekeeper overrides, XProtect, the
// kernel invalidating a running binary's signature, codesign facts.
CALL (image, written, w) {
  UNWIND CASE WHEN written.uid = image.uid THEN [image] ELSE [image, written] END AS verified
  MATCH (verified)-[v:VERIFIED]->(signer:Signer)
  WHERE v.ts - w.ts >= -$skewMs AND v.ts - w.ts - $windowMs <= 0
  RETURN collect(DISTINCT {uid: verified.uid, path: verified.path, verdict: v.verdict, status: v.status, signed: v.signed, notarized: v.notarized,
                           platform: v.platformBinary, teamId: signer.teamId, ts: v.ts, source: v.source}) AS verifications
}
// The binary's own signature: from its process (exec) or the load (library), and from verifiers.
WITH image, written, w, writer, installer, firstRun, firstRunTs, how, shellChildren, unsignedModules, verifications,
     [f IN [{signed: sig.signed, status: sig.status, teamId: sig.teamId, notarized: sig.notarized, platform: sig.platform, ts: firstRunTs, source: firstRun.source}]
        + [v IN verifications WHERE v.verdict IS NULL] |
      [reason IN [
        CASE WHEN NOT coalesce(f.platform, false) AND NOT adhocNormal AND f.signed = false THEN 'is not signed' END,
        CASE WHEN NOT coalesce(f.platform, false) AND NOT adhocNormal AND f.signed <> false AND f.status IS NOT NULL AND f.status <> 'valid' THEN 'has a signature that is ' + f.status END,
        CASE WHEN NOT coalesce(f.platform, false) AND f.teamId IS NOT NULL AND NOT f.teamId IN $allowedTeamIds THEN 'is signed by Team ID ' + f.teamId + ', which is not in AllowedTeamIDs' END,
        CASE WHEN f.notarized = false THEN 'is not notarized' END
      ] WHERE reason IS NOT NULL | {reason: reason, ts: f.ts, source: f.source}]] AS signatureFindings
WITH image, written, w, writer, installer, firstRun, firstRunTs, how, shellChildren, unsignedModules,
     [v IN verifications WHERE v.verdict IS NOT NULL] AS verdicts,
     reduce(acc = [], found IN signatureFindings | acc + found) AS untrusted
CALL (firstRun, w) {
  MATCH (firstRun)-[:SPAWNED*0..5]->(talker:Process)-[c:CONNECTED]->(ip:IP)
  WHERE c.ts - w.ts >= -$skewMs AND c.ts - w.ts - $windowMs <= 0 AND c.direction <> 'inbound'
  // One entry per talker, address and name, from its first connection: a beacon repeats the same
  // connection thousands of times, and a name lookup for each made every batch slower than the last.
  WITH talker, ip, coalesce(c.dstHostname, '') AS named, c ORDER BY c.ts ASC
  WITH talker, ip, named, collect(c)[0] AS c
  // Names the host resolved to this address shortly before: on macOS the resolver is
  // mDNSResponder or a network sensor, rarely the talker itself.
  // (Before the first connection: a name resolved later cannot vouch for it.)
  // Of those, the talker's own look-ups when it made any, else every name looked up within
  // LookupWindow before the connection (else the last one before it), each judged: on a CDN's
  // shared address a browser's look-up of another site an hour earlier must not flag an update,
  // and looking an approved name up just before connecting must not vouch for the one looked up
  // moments earlier.
  CALL (talker, c, ip) {
    MATCH (domain:Domain)-[:RESOLVED_TO]->(ip)
    CALL (domain, talker, c) {
      MATCH (querier)-[q:QUERIED]->(domain)
      WHERE ((querier:Process AND querier.hostId = talker.hostId) OR (querier:Host AND querier.id = talker.hostId))
        AND q.ts - c.ts >= -$windowMs AND q.ts - c.ts - $skewMs <= 0
      RETURN max(q.ts) AS lastAsked, max(CASE WHEN querier = talker THEN q.ts END) AS talkerAsked,
             max(q.ts - c.ts) >= -$lookupWindowMs AS recent
    }
    WITH domain, lastAsked, talkerAsked, recent WHERE lastAsked IS NOT NULL
    // (No grouping key: with no name at all this still returns its one row, of empty lists.)
    WITH collect({name: domain.name, last: lastAsked, own: talkerAsked IS NOT NULL, recent: recent}) AS asked
    WITH asked, [a IN asked WHERE a.own | a.name] AS own, [a IN asked WHERE a.recent | a.name] AS recent,
         reduce(latest = 0, a IN asked | CASE WHEN a.last > latest THEN a.last ELSE latest END) AS latest
    RETURN CASE WHEN size(own) > 0 THEN own WHEN size(recent) > 0 THEN recent ELSE [a IN asked WHERE a.last = latest | a.name] END AS resolvedNames
  }
  // The connection's own name when it carries one, else the names above, each judged.
  WITH c, ip, talker, CASE WHEN named <> '' THEN [named] ELSE [n IN resolvedNames WHERE n IS NOT NULL AND n <> ''] END AS names
  WITH c, ip, talker, names, [n IN names WHERE NOT any(suffix IN $approvedHosts WHERE n = suffix OR n ENDS WITH '.' + suffix)] AS unapprovedNames
  WHERE NOT ip.address IN $approvedHosts AND (size(names) = 0 OR size(unapprovedNames) > 0)
  RETURN collect(DISTINCT {uid: talker.uid, ip: ip.address, hostname: coalesce(head(unapprovedNames), ''), port: c.dstPort, ts: c.ts, source: c.source}) AS unapprovedConnections
}
CALL (image, w) {
  MATCH (host:Host {id: image.hostId})
  // Homebrew receipts name their host by --host, so the same Mac may be keyed by its name there.
  MATCH (packageHost:Host)-[i:INSTALLED]->(pkg:Package {manager: 'brew'})
  WHERE packageHost.id IN [host.id, toLower(host.name)]
    AND i.ts - w.ts >= -$windowMs AND i.ts - w.ts - $windowMs <= 0 AND i.op <> 'remove'
    AND i.repository IS NOT NULL AND NOT toLower(i.repository) IN $brewTaps
  RETURN collect(DISTINCT {key: pkg.key, name: pkg.name, version: i.version, repository: i.repository, ts: i.ts, source: i.source}) AS untrustedTaps
}
WITH image, written, w, writer, installer, firstRun, firstRunTs, how, shellChildren, unsignedModules, verdicts, untrusted, unapprovedConnections, untrustedTaps
WHERE size(shellChildren) + size(unsignedModules) + size(verdicts) + size(untrusted) + size(unapprovedConnections) + size(untrustedTaps) > 0
MATCH (host:Host {id: image.hostId})
// Standard analytic output (see src/analytics/findings.ts): host, anchor, evidence steps, signals.
RETURN host.id AS hostId, host.name AS hostName,
  [image.uid, firstRun.uid] AS anchor,
  [
    {stage: 1, role: 'installer', kind: 'Process', key: installer.uid, label: coalesce(installer.commandLine, installer.image, installer.uid), ts: installer.startTs, source: installer.source},
    {stage: 2, role: 'written-binary', kind: 'File', key: written.uid, label: w.op + ' ' + written.path, ts: w.ts, source: w.source},
    {stage: 3, role: CASE how WHEN 'loaded' THEN 'first-loader' ELSE 'first-run' END, kind: 'Process', key: firstRun.uid, label: coalesce(firstRun.commandLine, firstRun.image), ts: firstRunTs, source: firstRun.source}
  ]
  + CASE WHEN writer.uid = installer.uid THEN [] ELSE [{stage: 1, role: 'writer', kind: 'Process', key: writer.uid, label: coalesce(writer.commandLine, writer.image, writer.uid), ts: writer.startTs, source: writer.source}] END
  + CASE WHEN written.uid = image.uid THEN [] ELSE [{stage: 2, role: 'image', kind: 'File', key: image.uid, label: image.path, ts: w.ts, source: w.source}] END
  + [p IN untrustedTaps | {stage: 1, role: 'package', kind: 'Package', key: p.key, label: p.name + ' ' + coalesce(p.version, '') + ' from ' + p.repository, ts: p.ts, source: p.source}]
  + [c IN shellChildren | {stage: 3, role: 'shell-child', kind: 'Process', key: c.uid, label: coalesce(c.commandLine, c.image), ts: c.ts, source: c.source}]
  + [m IN unsignedModules | {stage: 3, role: 'unsigned-module', kind: 'File', key: m.uid, label: m.path, ts: m.ts, source: m.source}]
  + [v IN verdicts | {stage: 3, role: 'verdict', kind: 'File', key: v.uid, label: v.verdict + ': ' + v.path, ts: v.ts, source: v.source}]
  + [n IN unapprovedConnections | {stage: 4, role: 'connection', kind: 'IP', key: n.ip, label: CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname + ' (' + n.ip + ')' END, ts: n.ts, source: n.source}]
  AS evidence,
  [c IN shellChildren | {signal: 'shellChild', reason: 'first run spawned ' + c.image, ts: c.ts}]
  + [m IN unsignedModules | {signal: 'unsignedModule', reason: 'first run loaded a module that is ' + CASE WHEN m.signed = false OR (m.status IS NOT NULL AND m.status <> 'valid') THEN 'not validly signed' ELSE 'signed by Team ID ' + m.teamId + ', which is not allowed' END + ': ' + m.path, ts: m.ts}]
  + [u IN untrusted | {signal: 'untrustedBinary', reason: image.path + ' ' + u.reason, ts: u.ts}]
  + [v IN verdicts | {signal: 'verifierVerdict', reason: 'verifier verdict "' + v.verdict + '" on ' + v.path, ts: v.ts}]
  + [n IN unapprovedConnections | {signal: 'unapprovedHost', reason: 'connected to a host that is not an approved update host: ' + CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END, ts: n.ts}]
  + [p IN untrustedTaps | {signal: 'unapprovedTap', reason: 'formula ' + p.name + ' came from a tap that is not trusted: ' + p.repository, ts: p.ts}]
  AS signals,
  // A validly signed first run from an allowed Team ID (or Apple's own) lowers the score; it never hides the chain.
  CASE WHEN how = 'executed' AND coalesce(firstRun.signatureStatus, 'valid') = 'valid'
        AND (firstRun.teamId IN $allowedTeamIds OR coalesce(firstRun.platformBinary, false))
       THEN [{mitigation: 'allowedTeamId', reason: 'the first run is signed by an allowed Team ID: ' + coalesce(firstRun.teamId, 'Apple (platform binary)')}]
       ELSE [] END AS mitigations,
  // What a suppression can be scoped by (src/analytics/findings.ts: FindingFacts): the first run's Team ID is its signer.
  {installer: installer.imageName, signer: coalesce(firstRun.teamId, firstRun.signer),
   destinations: [n IN unapprovedConnections | CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END]} AS facts
