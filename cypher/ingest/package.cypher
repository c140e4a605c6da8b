// Package installs, upgrades and removals; the Package node is shared across hosts (fleet pivot).
UNWIND $batch.rows AS r
MATCH (h:Host {id: r.hostId})
MERGE (pkg:Package {key: r.packageKey})
  ON CREATE SET pkg.manager = r.manager, pkg.name = r.name
MERGE (h)-[i:INSTALLED {eventId: r.eventId}]->(pkg)
  ON CREATE SET i.ts = r.ts, i.op = r.op, i.version = r.version, i.previousVersion = r.previousVersion,
                i.arch = r.arch, i.repository = r.repository, i.signingKey = r.signingKey,
                i.commandLine = r.commandLine, i.actorUid = r.actorUid, i.source = r.source
