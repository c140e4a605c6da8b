// AN0940 chain: an msiexec install → the processes that ran for it → a program started from a
// temp directory, a custom-action DLL loaded from one (through a proxy such as rundll32 or not),
// or a shell, unless an approved signer or the fleet's history vouches for it.
// Parameters: $anchors.uids are Process uids (continuous evaluation passes every process a batch
// touched and its ancestors, so only msiexec is kept); $since/$until bound the anchor's start.
//
// Linking (shared with AN0445, keep the two in step): the service instance (msiexec /V) and the
// custom-action servers (msiexec -Embedding) are started by services.exe or DCOM, not by the
// client msiexec. A server-side root (a server instance, or a process the service instance
// started) belongs to the client msiexec on the same host that started within TimeWindow before it
// (or ClockSkew after), run by the same user where both are known (a server running as a service
// account may serve any user's install); of several, the latest one started before the root
// (Windows Installer runs one install at a time). An install is the top client of a chain of
// client msiexec processes; its members are its process tree and the trees of its server-side
// roots (the long-lived service instance stands only for itself, its children being roots).
UNWIND $anchors.uids AS anchorUid
MATCH (a:Process {uid: anchorUid})
// A seek per anchor whatever the planner guesses of the list's size (it arrives inside a map).
USING INDEX SEEK a:Process(uid)
WHERE a.imageName IN $installerImages AND a.startTs >= $since AND a.startTs <= $until
// Stage 0: the install(s) the anchor belongs to. A server anchor stands for the client its root is
// linked to; the service instance also for its children in range (a late child reaches only them).
CALL (a) {
  WITH a WHERE NOT coalesce(a.commandLine =~ $serviceArgs OR a.commandLine =~ $serverArgs, false)
  RETURN a AS client
  UNION
  WITH a WHERE a.commandLine =~ $serviceArgs OR a.commandLine =~ $serverArgs
  CALL (a) {
    RETURN a AS root
    UNION
    UNWIND [(a)-[:SPAWNED]->(r:Process) WHERE a.commandLine =~ $serviceArgs AND r.startTs - $since >= -$windowMs AND r.startTs - $until <= 0 | r] AS root
    RETURN root
  }
  CALL (root) {
    MATCH (cand:Process)
    USING INDEX SEEK cand:Process(hostId, startTs)
    WHERE cand.hostId = root.hostId AND cand.imageName IN $installerImages
      AND cand.startTs >= root.startTs - $windowMs AND cand.startTs <= root.startTs + $skewMs
      AND NOT coalesce(cand.commandLine =~ $serviceArgs OR cand.commandLine =~ $serverArgs, false)
      AND (cand.user IS NULL OR root.user IS NULL OR toLower(cand.user) = toLower(root.user) OR toLower(root.user) IN $serviceAccounts)
    RETURN cand ORDER BY CASE WHEN cand.startTs <= root.startTs THEN 0 ELSE 1 END, abs(root.startTs - cand.startTs) LIMIT 1
  }
  RETURN cand AS client
}
// The install is the earliest client msiexec above the client (a chain of nested installs).
WITH DISTINCT client,
  [(top:Process)-[:SPAWNED*1..3]->(client) WHERE coalesce(top.imageName, '') IN $installerImages AND coalesce(top.startTs, -1) >= 0
     AND NOT coalesce(top.commandLine =~ $serviceArgs OR top.commandLine =~ $serverArgs, false) | top] AS tops
WITH DISTINCT reduce(install = client, t IN tops | CASE WHEN t.startTs < install.startTs THEN t ELSE install END) AS c
// The install's client msiexec processes: what its server-side roots may be linked to.
WITH c, [(c)-[:SPAWNED*0..3]->(f:Process) WHERE coalesce(f.imageName, '') IN $installerImages
  AND NOT coalesce(f.commandLine =~ $serviceArgs OR f.commandLine =~ $serverArgs, false) | f] AS family
// Stage 1: the install's members within the window: its own tree, and the linked server side.
CALL (c, family) {
  UNWIND [(c)-[:SPAWNED*0..4]->(m:Process) WHERE m = c OR (m.startTs - c.startTs >= -$skewMs AND m.startTs - c.startTs <= $windowMs) | m] AS m
  RETURN m, null AS linked
  UNION
  // Server-side roots: processes of the host started in the window that are a server instance or
  // that a service instance started (one host-and-time range: the host_start index of 005).
  MATCH (root:Process)
  USING INDEX SEEK root:Process(hostId, startTs)
  WHERE root.hostId = c.hostId AND root.startTs >= c.startTs - $skewMs AND root.startTs <= c.startTs + $windowMs
    AND ((root.imageName IN $installerImages AND (root.commandLine =~ $serviceArgs OR root.commandLine =~ $serverArgs))
         OR any(svc IN [(s:Process)-[:SPAWNED]->(root) | s] WHERE svc.imageName IN $installerImages AND svc.commandLine =~ $serviceArgs))
  CALL (root) {
    MATCH (cand:Process)
    USING INDEX SEEK cand:Process(hostId, startTs)
    WHERE cand.hostId = root.hostId AND cand.imageName IN $installerImages
      AND cand.startTs >= root.startTs - $windowMs AND cand.startTs <= root.startTs + $skewMs
      AND NOT coalesce(cand.commandLine =~ $serviceArgs OR cand.commandLine =~ $serverArgs, false)
      AND (cand.user IS NULL OR root.user IS NULL OR toLower(cand.user) = toLower(root.user) OR toLower(root.user) IN $serviceAccounts)
    RETURN cand ORDER BY CASE WHEN cand.startTs <= root.startTs THEN 0 ELSE 1 END, abs(root.startTs - cand.startTs) LIMIT 1
  }
  WITH c, root, cand WHERE cand IN family
  UNWIND [(root)-[:SPAWNED*0..3]->(m:Process) WHERE m = root
    OR (NOT root.commandLine =~ $serviceArgs AND m.startTs - c.startTs >= -$skewMs AND m.startTs - c.startTs <= $windowMs) | m] AS m
  RETURN m, root AS linked
}
WITH c, collect(DISTINCT m) AS members, collect(DISTINCT linked) AS linkedRoots
// Stage 2a: programs run from a temp directory. The image's signature is the start event's, else
// what the process's own load of its image reported (Sysmon logs it at the start), else its
// content's (Sysmon process starts carry none). Not another process's load of the same path: a
// temp path (%TEMP%\setup.exe) is reused by every installer, and an old signed one must not vouch.
CALL (c, members) {
  UNWIND members AS p
  WITH c, p
  WHERE p <> c AND p.startTs >= c.startTs - $skewMs AND p.startTs <= c.startTs + $windowMs
    AND any(t IN $tempPaths WHERE toLower(p.image) CONTAINS t)
  OPTIONAL MATCH (p)-[:EXECUTED]->(image:File)<-[il:LOADED]-(p)
  OPTIONAL MATCH (p)-[:INSTANCE_OF]->(b:Binary)
  WITH c, p, b, collect(il)[0] AS il
  WITH c, p, CASE
      WHEN p.signed IS NOT NULL OR p.signatureStatus IS NOT NULL THEN {signed: p.signed, status: p.signatureStatus, signer: p.signer}
      WHEN il IS NOT NULL THEN {signed: il.signed, status: il.signatureStatus, signer: il.signer}
      WHEN b IS NOT NULL THEN {signed: b.signed, status: b.signatureStatus, signer: b.signer}
      ELSE {signed: null, status: null, signer: null} END AS sig
  WITH c, p, sig, coalesce(sig.status = 'valid' OR (sig.status IS NULL AND sig.signed = true), false) AS valid
  WITH c, p, sig, valid, coalesce(valid AND sig.signer IN $approvedSigners, false) AS approved
  // Fleet history: other hosts that ran the same validly signed content earlier in the look-back.
  CALL (p, valid, approved) {
    OPTIONAL MATCH (p)-[:INSTANCE_OF]->(:Binary)<-[:INSTANCE_OF]-(o:Process)
    WHERE valid AND NOT approved AND coalesce(o.hostId, '') <> p.hostId AND o.startTs - p.startTs >= -$prevalenceMs AND o.startTs - p.startTs < 0
    RETURN count(DISTINCT o.hostId) AS hosts
  }
  WITH p, sig, approved, hosts WHERE NOT approved AND hosts < $prevalenceHosts
  RETURN collect(DISTINCT {uid: p.uid, image: p.image, commandLine: p.commandLine, ts: p.startTs, source: p.source,
                           signed: sig.signed, signer: sig.signer, hosts: hosts}) AS tempChildren
}
// Stage 2b: custom-action DLLs loaded from a temp directory by any member; by a non-msiexec
// loader (rundll32, regsvr32, a temp child) it is proxy execution.
CALL (c, members) {
  UNWIND members AS p
  MATCH (p)-[l:LOADED]->(mod:File)
  WHERE l.ts - c.startTs >= -$skewMs AND l.ts - c.startTs <= $windowMs
    AND any(t IN $tempPaths WHERE toLower(mod.path) CONTAINS t)
    // A temp child's load of its own image is the tempChild signal, not a custom action.
    AND NOT (p)-[:EXECUTED]->(mod)
  WITH p, l, mod, coalesce(l.signatureStatus = 'valid' OR (l.signatureStatus IS NULL AND l.signed = true), false) AS valid
  WITH p, l, mod, valid, coalesce(valid AND l.signer IN $approvedSigners, false) AS approved
  // One entry per loader, module, content and signature, from its first such load, before the fleet
  // prevalence read (a module replaced by another build, or re-signed, is judged again).
  WITH p, mod, l, valid, approved WHERE NOT approved ORDER BY l.ts ASC
  WITH p, mod, l.sha256 AS content, valid, l.signer AS signer, collect({load: l, valid: valid})[0] AS first
  WITH p, mod, first.load AS l, first.valid AS valid, false AS approved
  CALL (p, l, valid, approved) {
    OPTIONAL MATCH (loaded:Binary {sha256: l.sha256})<-[:HAS_CONTENT]-(:File)<-[ol:LOADED]-(o:Process)
    USING INDEX SEEK loaded:Binary(sha256)
    WHERE valid AND NOT approved AND ol.sha256 = l.sha256 AND coalesce(o.hostId, '') <> p.hostId
      AND ol.ts - l.ts >= -$prevalenceMs AND ol.ts - l.ts < 0
    RETURN count(DISTINCT o.hostId) AS hosts
  }
  WITH p, l, mod, approved, hosts WHERE NOT approved AND hosts < $prevalenceHosts
  RETURN collect(DISTINCT {uid: mod.uid, path: mod.path, loaderUid: p.uid, loader: coalesce(p.commandLine, p.image), loaderImage: p.imageName,
                           proxy: NOT coalesce(p.imageName IN $installerImages, false), signed: l.signed, status: l.signatureStatus,
                           signer: l.signer, ts: l.ts, source: l.source}) AS tempModules
}
// Stage 2c: shells and script hosts, unless other hosts ran the same command line earlier.
CALL (c, members) {
  UNWIND members AS p
  WITH c, p
  WHERE p <> c AND p.imageName IN $shellImages AND p.startTs >= c.startTs - $skewMs AND p.startTs <= c.startTs + $windowMs
  // Seek by the lower-cased command line (migration 010's index): by image name or start time the
  // planner read every cmd.exe, or every process of the look-back, of the fleet per shell.
  CALL (p) {
    OPTIONAL MATCH (o:Process)
    USING TEXT INDEX SEEK o:Process(commandLineLower)
    WHERE o.commandLineLower = toString(p.commandLineLower) AND o.imageName = p.imageName
      AND coalesce(o.hostId, '') <> p.hostId AND o.startTs - p.startTs >= -$prevalenceMs AND o.startTs - p.startTs < 0
    RETURN count(DISTINCT o.hostId) AS hosts
  }
  WITH p, hosts WHERE hosts < $prevalenceHosts
  RETURN collect(DISTINCT {uid: p.uid, image: p.image, commandLine: p.commandLine, ts: p.startTs, source: p.source}) AS shellChildren
}
WITH c, linkedRoots, tempChildren, tempModules, shellChildren, [m IN tempModules WHERE m.proxy] AS proxyLoads
WHERE size(tempChildren) + size(tempModules) + size(shellChildren) > 0
MATCH (host:Host {id: c.hostId})
RETURN host.id AS hostId, host.name AS hostName,
  [c.uid] AS anchor,
  [{stage: 1, role: 'installer', kind: 'Process', key: c.uid, label: coalesce(c.commandLine, c.image), ts: c.startTs, source: c.source}]
  + [r IN linkedRoots | {stage: 2, role: 'linked-server-side', kind: 'Process', key: r.uid, label: coalesce(r.commandLine, r.image), ts: r.startTs, source: r.source}]
  + [t IN tempChildren | {stage: 3, role: 'temp-child', kind: 'Process', key: t.uid, label: coalesce(t.commandLine, t.image), ts: t.ts, source: t.source}]
  + [m IN tempModules | {stage: 3, role: 'custom-action-dll', kind: 'File', key: m.uid, label: m.path, ts: m.ts, source: m.source}]
  + [m IN proxyLoads | {stage: 3, role: 'proxy-loader', kind: 'Process', key: m.loaderUid, label: m.loader, ts: m.ts, source: m.source}]
  + [s IN shellChildren | {stage: 3, role: 'shell-child', kind: 'Process', key: s.uid, label: coalesce(s.commandLine, s.image), ts: s.ts, source: s.source}]
  AS evidence,
  [t IN tempChildren | {signal: 'tempChild', reason: 'install started a program from a temp directory that no approved publisher signed and the fleet has not run: ' + t.image, ts: t.ts}]
  + [m IN tempModules | {signal: 'tempModule', reason: 'install loaded a custom-action DLL from a temp directory (' + CASE WHEN m.signed = true THEN 'signed by ' + coalesce(m.signer, '?') + ', ' + coalesce(m.status, 'status unknown') ELSE 'not signed' END + '): ' + m.path, ts: m.ts}]
  + [m IN proxyLoads | {signal: 'proxyLoad', reason: m.loaderImage + ' loaded the custom-action DLL ' + m.path, ts: m.ts}]
  + [s IN shellChildren | {signal: 'shellChild', reason: 'install started ' + s.image + ': ' + coalesce(s.commandLine, ''), ts: s.ts}]
  AS signals,
  // What a suppression can be scoped by (src/analytics/findings.ts: FindingFacts).
  {installer: c.imageName, signer: head([m IN tempModules WHERE m.signer IS NOT NULL | m.signer] + [t IN tempChildren WHERE t.signer IS NOT NULL | t.signer]), destinations: []} AS facts
