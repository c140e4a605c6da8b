// AN0445 chain: an msiexec install whose command line references a remote package (URL, UNC
// path) or a DLL → within the window, a connection by the install to an external destination that
// no one contacted in the look-back before it, or a module load that is neither validly signed by
// an approved publisher nor common in the fleet. The command line alone is no finding.
// Parameters: $anchors.uids are Process uids (continuous evaluation passes every process a batch
// touched and its ancestors, so only msiexec is kept); $since/$until bound the anchor's start.
//
// Linking (shared with AN0940, keep the two in step): the service instance (msiexec /V) and the
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
// Stage 0: the install(s) the anchor belongs to. A server anchor stands for the client its root is
// linked to; the service instance also for its children in range (a late child reaches only them).
// Another process stands for a client on its host whose command line names where it connected in
// range: System's SMB session, delivered late, reaches no msiexec as an ancestor.
CALL (a) {
  WITH a WHERE a.imageName IN $installerImages AND a.startTs >= $since AND a.startTs <= $until
    AND NOT coalesce(a.commandLine =~ $serviceArgs OR a.commandLine =~ $serverArgs, false)
  RETURN a AS client
  UNION
  WITH a WHERE NOT coalesce(a.imageName IN $installerImages, false)
  UNWIND [(a)-[e:CONNECTED]->(ip:IP) WHERE e.ts - $since >= 0 AND e.ts - $until <= 0 AND e.direction <> 'inbound' | {e: e, ip: ip}] AS hit
  WITH a, hit.e AS e, hit.ip AS ip
  MATCH (client:Process)
  USING INDEX SEEK client:Process(hostId, startTs)
  WHERE client.hostId = a.hostId AND client.imageName IN $installerImages
    AND client.startTs >= e.ts - $windowMs AND client.startTs <= e.ts + $skewMs
    AND NOT coalesce(client.commandLine =~ $serviceArgs OR client.commandLine =~ $serverArgs, false)
    AND (toLower(client.commandLine) CONTAINS ip.address
         OR any(prefix IN ['\\\\', '://'] WHERE toLower(client.commandLine) CONTAINS prefix + split(coalesce(e.dstHostname, '?'), '.')[0]))
  RETURN client
  UNION
  WITH a WHERE a.imageName IN $installerImages AND a.startTs >= $since AND a.startTs <= $until
    AND (a.commandLine =~ $serviceArgs OR a.commandLine =~ $serverArgs)
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
// Stage 1: a client of the install names a remote package or a DLL; the hosts a URL or UNC path
// names, so that the host's own SMB (System) or WebDAV traffic to them counts for the install.
WITH c, family,
  [f IN family WHERE any(re IN $remotePatterns WHERE f.commandLine =~ re)] AS remoteRefs,
  [f IN family WHERE any(re IN $dllPatterns WHERE f.commandLine =~ re)] AS dllRefs
WHERE size(remoteRefs) + size(dllRefs) > 0
WITH c, family, remoteRefs, dllRefs,
  reduce(hosts = [], f IN remoteRefs | hosts
    + [part IN split(toLower(f.commandLine), '://')[1..] | split(split(split(last(split(split(part, '/')[0], '@')), ':')[0], '"')[0], ' ')[0]]
    + [part IN split(toLower(f.commandLine), '\\\\')[1..] | split(split(split(split(part, '\\')[0], '@')[0], '"')[0], ' ')[0]]
  ) AS named
WITH c, family, remoteRefs, dllRefs, [h IN named WHERE h <> '' | h] AS refHosts
// Stage 2: the install's members within the window: its own tree, and the linked server side.
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
WITH c, remoteRefs, dllRefs, refHosts, collect(DISTINCT m) AS members, collect(DISTINCT linked) AS linkedRoots
// Stage 3a: the install's connections (its members', and any process's or network sensor's on the
// host to a host its command line names) to external destinations unseen before the install.
CALL (c, members, refHosts) {
  CALL (c, members, refHosts) {
    UNWIND members AS m
    UNWIND [(m)-[e:CONNECTED]->(ip:IP) WHERE e.ts - c.startTs >= -$skewMs AND e.ts - c.startTs <= $windowMs AND e.direction <> 'inbound' | {e: e, ip: ip}] AS hit
    RETURN m AS talker, hit.e AS e, hit.ip AS ip
    UNION
    // From the named address to its talkers (coalesce: no index serves the host test, so the plan
    // never reads every process of the host and joins; that read grew with the host's history).
    UNWIND refHosts AS ref
    MATCH (ip:IP {address: ref})<-[e:CONNECTED]-(talker:Process)
    USING INDEX SEEK ip:IP(address)
    WHERE coalesce(talker.hostId, '') = c.hostId AND e.ts - c.startTs >= -$skewMs AND e.ts - c.startTs <= $windowMs AND e.direction <> 'inbound'
    RETURN talker, e, ip
    UNION
    UNWIND refHosts AS ref
    MATCH (d:Domain) WHERE d.name = ref OR d.name STARTS WITH ref + '.'
    MATCH (d)-[:RESOLVED_TO]->(ip:IP)<-[e:CONNECTED]-(talker:Process)
    WHERE coalesce(talker.hostId, '') = c.hostId AND e.ts - c.startTs >= -$skewMs AND e.ts - c.startTs <= $windowMs AND e.direction <> 'inbound'
    RETURN talker, e, ip
    UNION
    UNWIND refHosts AS ref
    MATCH (:Host {id: c.hostId})-[e:CONNECTED]->(ip:IP {address: ref})
    WHERE e.ts - c.startTs >= -$skewMs AND e.ts - c.startTs <= $windowMs AND e.direction <> 'inbound'
    RETURN null AS talker, e, ip
  }
  // One entry per talker, address and name, from its first connection: a beacon repeats the same
  // connection thousands of times, and a lookup and checks for each grew with the square of them.
  WITH c, talker, ip, coalesce(e.dstHostname, '') AS named, e ORDER BY e.ts ASC
  WITH c, talker, ip, named, collect(e)[0] AS e
  // Without a name on the connection, every name the talker resolved to this address before it,
  // each judged (one approved name must not vouch for another that shares the address, e.g. on a CDN).
  WITH c, talker, e, ip, CASE WHEN named <> '' THEN [named] ELSE COLLECT {
    MATCH (dn:Domain)-[:RESOLVED_TO]->(ip)
    WHERE talker IS NOT NULL AND EXISTS { MATCH (talker)-[q:QUERIED]->(dn) WHERE q.ts - e.ts - $skewMs <= 0 }
    RETURN DISTINCT dn.name
  } END AS names
  UNWIND CASE WHEN size(names) = 0 THEN [''] ELSE names END AS hostname
  WITH c, talker, e, ip, hostname
  WHERE NOT any(prefix IN $internalNetworks WHERE ip.address STARTS WITH prefix)
    AND NOT ip.address IN $approvedHosts
    AND NOT any(suffix IN $approvedHosts WHERE hostname = suffix OR hostname ENDS WITH '.' + suffix)
    // Seen: the address, or the host name (queried or connected to), contacted before the install,
    // by another known host, or by any before TimeWindow: the browser visit that led the user to
    // run `msiexec /i https://…` moments later makes nothing seen, nor does one a network sensor
    // saw from an address no host claimed (a placeholder host may be this one).
    AND NOT EXISTS {
      MATCH (ip)<-[prior:CONNECTED]-(src)
      WHERE prior.ts - c.startTs >= -$firstSeenMs AND prior.ts - c.startTs < 0
        AND ((coalesce(src.hostId, src.id) <> c.hostId AND NOT coalesce(src.placeholder, false)) OR prior.ts - c.startTs < -$windowMs)
    }
    AND NOT EXISTS {
      MATCH (:Domain {name: hostname})<-[prior:QUERIED]-(src)
      WHERE prior.ts - c.startTs >= -$firstSeenMs AND prior.ts - c.startTs < 0
        AND ((coalesce(src.hostId, src.id) <> c.hostId AND NOT coalesce(src.placeholder, false)) OR prior.ts - c.startTs < -$windowMs)
    }
    AND NOT EXISTS {
      MATCH (:Domain {name: hostname})-[:RESOLVED_TO]->(:IP)<-[prior:CONNECTED]-(src)
      WHERE prior.dstHostname = hostname AND prior.ts - c.startTs >= -$firstSeenMs AND prior.ts - c.startTs < 0
        AND ((coalesce(src.hostId, src.id) <> c.hostId AND NOT coalesce(src.placeholder, false)) OR prior.ts - c.startTs < -$windowMs)
    }
  RETURN collect(DISTINCT {talker: talker.uid, talkerImage: coalesce(talker.imageName, 'network sensor'), ip: ip.address, hostname: hostname,
                           port: e.dstPort, ts: e.ts, source: e.source}) AS unseen
}
// Stage 3b: modules the install loaded that are neither validly signed by an approved publisher nor
// common in the fleet; a module of unknown signature counts only from a temp or UNC path.
CALL (c, members) {
  UNWIND members AS p
  MATCH (p)-[l:LOADED]->(mod:File)
  WHERE l.ts - c.startTs >= -$skewMs AND l.ts - c.startTs <= $windowMs
  WITH p, l, mod,
    l.signed IS NOT NULL OR l.signatureStatus IS NOT NULL AS known,
    toLower(mod.path) STARTS WITH '\\\\' OR any(t IN $tempPaths WHERE toLower(mod.path) CONTAINS t) AS risky,
    coalesce(l.signatureStatus = 'valid' OR (l.signatureStatus IS NULL AND l.signed = true), false) AS valid
  WITH p, l, mod, known, risky, valid, coalesce(valid AND l.signer IN $approvedSigners, false) AS approved
  WHERE NOT approved AND (known OR risky)
  // One entry per loader, module, content and signature, from its first such load, before the fleet
  // prevalence read (a module replaced by another build, or re-signed, is judged again).
  WITH p, mod, l, valid ORDER BY l.ts ASC
  WITH p, mod, l.sha256 AS content, valid, l.signer AS signer, collect({load: l, valid: valid})[0] AS first
  WITH p, mod, first.load AS l, first.valid AS valid
  CALL (p, l, valid) {
    OPTIONAL MATCH (loaded:Binary {sha256: l.sha256})<-[:HAS_CONTENT]-(:File)<-[ol:LOADED]-(o:Process)
    USING INDEX SEEK loaded:Binary(sha256)
    WHERE valid AND ol.sha256 = l.sha256 AND coalesce(o.hostId, '') <> p.hostId AND ol.ts - l.ts >= -$prevalenceMs AND ol.ts - l.ts < 0
    RETURN count(DISTINCT o.hostId) AS hosts
  }
  WITH p, l, mod, hosts WHERE hosts < $prevalenceHosts
  RETURN collect(DISTINCT {uid: mod.uid, path: mod.path, loader: p.imageName, signed: l.signed, status: l.signatureStatus, signer: l.signer,
                           ts: l.ts, source: l.source}) AS oddModules
}
WITH c, remoteRefs, dllRefs, linkedRoots, unseen, oddModules
WHERE size(unseen) + size(oddModules) > 0
MATCH (host:Host {id: c.hostId})
RETURN host.id AS hostId, host.name AS hostName,
  [c.uid] AS anchor,
  [{stage: 1, role: 'installer', kind: 'Process', key: c.uid, label: coalesce(c.commandLine, c.image), ts: c.startTs, source: c.source}]
  + [f IN remoteRefs + dllRefs WHERE f <> c | {stage: 1, role: 'nested-installer', kind: 'Process', key: f.uid, label: f.commandLine, ts: f.startTs, source: f.source}]
  + [r IN linkedRoots | {stage: 2, role: 'linked-server-side', kind: 'Process', key: r.uid, label: coalesce(r.commandLine, r.image), ts: r.startTs, source: r.source}]
  + [n IN unseen | {stage: 3, role: 'unseen-destination', kind: 'IP', key: n.ip, label: CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname + ' (' + n.ip + ')' END + ' by ' + n.talkerImage, ts: n.ts, source: n.source}]
  + [n IN unseen WHERE n.talker IS NOT NULL | {stage: 3, role: 'talker', kind: 'Process', key: n.talker, label: n.talkerImage, ts: n.ts, source: n.source}]
  + [m IN oddModules | {stage: 3, role: 'odd-module', kind: 'File', key: m.uid, label: m.path, ts: m.ts, source: m.source}]
  AS evidence,
  [f IN remoteRefs | {signal: 'remotePackage', reason: 'msiexec command line references a remote package: ' + f.commandLine, ts: f.startTs}]
  + [f IN dllRefs | {signal: 'dllArgument', reason: 'msiexec command line names a DLL: ' + f.commandLine, ts: f.startTs}]
  + [n IN unseen | {signal: 'unseenDestination', reason: n.talkerImage + ' connected to a destination not contacted in the fleet before: ' + CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname + ' (' + n.ip + ')' END, ts: n.ts}]
  + [m IN oddModules | {signal: 'oddModule', reason: m.loader + ' loaded a module ' + CASE WHEN m.signed = true THEN 'signed by ' + coalesce(m.signer, '?') + ' (' + coalesce(m.status, 'status unknown') + ') and not common in the fleet' WHEN m.signed = false THEN 'that is not signed' ELSE 'of unknown signature' END + ': ' + m.path, ts: m.ts}]
  AS signals,
  // What a suppression can be scoped by (src/analytics/findings.ts: FindingFacts).
  {installer: c.imageName, signer: head([m IN oddModules WHERE m.signer IS NOT NULL | m.signer]),
   destinations: [n IN unseen | CASE WHEN n.hostname = '' THEN n.ip ELSE n.hostname END]} AS facts
