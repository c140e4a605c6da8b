// AN0863 chain (Linux): a package manager or updater writes a file in PathScope (or moves a directory
// holding it into place) → the first run of that file outside the install → that run's shell
// children and egress, or a package from an unapproved repository around the write, all within
// TimeWindow of the write.
// Each CALL that gathers a signal aggregates, so a missing signal never drops the chain.
// Parameters: $anchors.uids are candidate files (File.uid); $since/$until bound the write time.
UNWIND $anchors.uids AS anchorUid
MATCH (a:File {uid: anchorUid})
// A seek per anchor whatever the planner guesses of the list's size (it arrives inside a map).
USING INDEX SEEK a:File(uid)
CALL (a) {
  // dpkg unpacks into <path>.dpkg-new and renames it over <path>: a sensor that records creates but
  // not renames (Sysmon for Linux) names only the staging file, while the run names the real one.
  // POSIX file uids are host + path, so the suffix comes off the uid as it does off the path.
  RETURN coalesce([s IN $stagingSuffixes WHERE a.uid ENDS WITH s | left(a.uid, size(a.uid) - size(s))][0], a.uid) AS imageUid
  UNION
  // A directory an installer moved into place whole (a flatpak deploy, a Homebrew keg): what has run from inside it.
  WITH a WHERE EXISTS {
    MATCH (mover:Process)-[m:WROTE {op: 'rename'}]->(a)
    WHERE m.ts - $since >= 0 AND m.ts - $until <= 0
      AND EXISTS {
        MATCH (moverInstaller:Process)-[:SPAWNED*0..4]->(mover)
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
// What put the image in place: a write of the file itself or of its staging name, or a move (rename)
// of a directory above it. The directories' uids share the image's host prefix.
WITH image, left(image.uid, size(image.uid) - size(image.path)) AS hostPrefix, split(image.path, '/') AS parts
UNWIND [{uid: image.uid, whole: false}] + [s IN $stagingSuffixes | {uid: image.uid + s, whole: false}]
       + [i IN range(2, size(parts) - 1) | {uid: hostPrefix + reduce(dir = '', part IN parts[1..i] | dir + '/' + part), whole: true}] AS target
MATCH (written:File {uid: target.uid})<-[w:WROTE]-(writer:Process)
USING INDEX SEEK written:File(uid)
WHERE w.ts - $since >= 0 AND w.ts - $until <= 0 AND (NOT target.whole OR w.op = 'rename')
// The installer is the writer or an ancestor of it: dpkg under apt, a postinst's cp under dpkg.
MATCH lineage = (installer:Process)-[:SPAWNED*0..4]->(writer)
WHERE any(re IN $installerPatterns WHERE coalesce(installer.imageName, '') =~ re)
   OR any(re IN $installerCommandLines WHERE coalesce(installer.commandLine, '') =~ re)
// A write of the file itself wins over a move of a directory above it; then the last write (the
// content that runs) and the outermost installer (the command behind it).
WITH image, written, w, writer, installer, target.whole AS whole, length(lineage) AS depth
ORDER BY whole ASC, w.ts DESC, depth DESC
WITH image, head(collect({written: written, w: w, writer: writer, installer: installer})) AS install
WITH image, install.written AS written, install.w AS w, install.writer AS writer, install.installer AS installer
// Stage 3: the first process that ran the file, or for a library written on its own the first that
// loaded it (a library inside a moved directory is judged as a module of that directory's programs).
CALL (image, written, w) {
  MATCH (run:Process)-[x:EXECUTED]->(image)
  WHERE x.ts - w.ts >= -$skewMs AND x.ts - w.ts - $windowMs <= 0
  RETURN run, x.ts AS ts, 'executed' AS how
  UNION
  MATCH (run:Process)-[l:LOADED]->(image)
  WHERE written.uid STARTS WITH image.uid AND l.ts - w.ts >= -$skewMs AND l.ts - w.ts - $windowMs <= 0
  RETURN run, l.ts AS ts, 'loaded' AS how
}
// Runs by the package manager's own scripts (postinst, triggers) are part of the install: stage 1.
WITH image, written, w, writer, installer, run, ts, how
WHERE NOT EXISTS {
  MATCH (ancestor:Process)-[:SPAWNED*1..4]->(run)
  WHERE any(re IN $installerPatterns WHERE coalesce(ancestor.imageName, '') =~ re)
     OR any(re IN $installerCommandLines WHERE coalesce(ancestor.commandLine, '') =~ re)
}
WITH image, written, w, writer, installer, run, ts, how ORDER BY ts ASC, run.uid ASC
WITH image, written, w, writer, installer, head(collect({run: run, ts: ts, how: how})) AS first
WITH image, written, w, writer, installer, first.run AS firstRun, first.ts AS firstRunTs, first.how AS how
// A package manager (apt-get after apt was upgraded) runs hooks and maintainer scripts through sh,
// and a shell or interpreter starts shells by trade: their shell children are no anomaly.
WITH image, written, w, writer, installer, firstRun, firstRunTs, how,
     any(re IN $packageManagers WHERE coalesce(firstRun.imageName, '') =~ re)
     OR any(re IN $installerCommandLines WHERE coalesce(firstRun.commandLine, '') =~ re)
     OR any(re IN $shellPatterns WHERE coalesce(firstRun.imageName, '') =~ re) AS startsShellsByTrade
CALL (firstRun, w, startsShellsByTrade) {
  MATCH spawn = (firstRun)-[:SPAWNED*1..3]->(child:Process)
  WHERE NOT startsShellsByTrade
    // Only through the run's own re-execs (sshd -R): what a shell child starts is the shell's doing.
    AND all(n IN nodes(spawn)[1..-1] WHERE n.image = firstRun.image)
    AND last(relationships(spawn)).ts <= w.ts + $windowMs
    AND any(re IN $shellPatterns WHERE coalesce(child.imageName, '') =~ re)
    // A bare login shell ("-bash", as sshd and login start it, no command) is a person logging in.
    AND NOT coalesce(child.commandLine, '') =~ '-[a-z]*sh'
  WITH child, last(relationships(spawn)) AS s
  RETURN collect(DISTINCT {uid: child.uid, image: child.image, commandLine: child.commandLine, ts: s.ts, source: child.source}) AS shellChildren
}
CALL (firstRun, w) {
  MATCH (firstRun)-[:SPAWNED*0..3]->(talker:Process)-[c:CONNECTED]->(ip:IP)
  WHERE c.ts - w.ts >= -$skewMs AND c.ts - w.ts - $windowMs <= 0 AND c.direction <> 'inbound'
  // One entry per talker, address and name, from its first connection: a beacon repeats the same
  // connection thousands of times, and a name lookup for each made every batch slower than the last.
  WITH talker, ip, coalesce(c.dstHostname, '') AS named, c ORDER BY c.ts ASC
  WITH talker, ip, named, collect(c)[0] AS c
  // Names the host resolved to this address shortly before: on Linux the resolver is a daemon
  // (systemd-resolved) or a network sensor (Zeek), rarely the talker itself.
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
  // Package logs name their host by --host, so the same machine may be keyed by its name there.
  MATCH (packageHost:Host)-[i:INSTALLED]->(pkg:Package)
  WHERE packageHost.id IN [host.id, toLower(host.name)]
    AND i.ts - w.ts >= -$windowMs AND i.ts - w.ts - $windowMs <= 0 AND i.op <> 'remove'
    AND (i.repository IS NOT NULL OR i.signingKey IS NOT NULL)
    // An entry approves a repository id it equals (dnf's "updates", not "evil-updates"), a family
    // it prefixes when it ends in '-' ("rhel-"), a host or host/path it names in a URL
    // ("deb.debian.org" in http://deb.debian.org/debian), or a signing key it ends (a key id).
    AND NOT any(r IN $approvedRepos WHERE
          toLower(coalesce(i.repository, '')) IN [r, r + '/']
       OR (r ENDS WITH '-' AND toLower(coalesce(i.repository, '')) STARTS WITH r)
       OR (r CONTAINS '.' AND (toLower(coalesce(i.repository, '')) STARTS WITH r + '/'
                               OR toLower(coalesce(i.repository, '')) CONTAINS '://' + r + '/'
                               OR toLower(coalesce(i.repository, '')) ENDS WITH '://' + r))
       // A long key id (16+ hex digits, "0x" and spaces as gpg prints them) at least: short ids are forged at will.
       OR (replace(r, ' ', '') =~ '(0x)?[0-9a-f]{16,}'
           AND replace(toLower(coalesce(i.signingKey, '')), ' ', '') ENDS WITH right(replace(r, ' ', ''), size(replace(r, ' ', '')) - CASE WHEN r STARTS WITH '0x' THEN 2 ELSE 0 END)))
  RETURN collect(DISTINCT {key: pkg.key, name: pkg.name, version: i.version, repository: coalesce(i.repository, 'key ' + i.signingKey), ts: i.ts, source: i.source}) AS unapprovedPackages
}
WITH image, written, w, writer, installer, firstRun, firstRunTs, how, shellChildren, unapprovedConnections, unapprovedPackages
WHERE size(shellChildren) + size(unapprovedConnections) + size(unapprovedPackages) > 0
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
  + [p IN unapprovedPackages | {stage: 1, role: 'package', kind: 'Package', key: p.key, label: p.name + ' ' + coalesce(p.version, '') + ' from ' + p.repository, ts: p.ts, source: p.source}]
  + [c IN shellChildren | {stage: 3, role: 'shell-child', kind: 'Process', key: c.uid, label: coalesce(c.commandLine, c.image), ts: c.ts, source: c.source}]
  + [n IN unapprovedConnections | {stage: 4, role: 'connection', kind: 'IP', key: n.ip, label: CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname + ' (' + n.ip + ')' END, ts: n.ts, source: n.source}]
  AS evidence,
  [c IN shellChildren | {signal: 'shellChild', reason: 'first run spawned ' + c.image, ts: c.ts}]
  + [n IN unapprovedConnections | {signal: 'unapprovedHost', reason: 'connected to a host that is not an approved update host: ' + CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END, ts: n.ts}]
  + [p IN unapprovedPackages | {signal: 'unapprovedRepo', reason: 'package ' + p.name + ' came from a repository that is not approved: ' + p.repository, ts: p.ts}]
  AS signals,
  // What a suppression can be scoped by (src/analytics/findings.ts: FindingFacts).
  {installer: installer.imageName, signer: firstRun.signer,
   destinations: [n IN unapprovedConnections | CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END]} AS facts
