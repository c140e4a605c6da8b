// Package installs, upgrades and removals; the Package node is shared across hosts (fleet pivot).
// dnf records each transaction twice: dnf.rpm.log (a line per package, no repository) and dnf.log
// (the run's table, with the repository). A change with a twin from the other log (same host,
// package, operation and version, one with a repository and one without, within r.twinMs) is the
// same change: it adds what it knows to the twin, once, and is remembered there (`absorbed`), so a
// replay of either log finds the same twin. A twin absorbs one record at most: a second look-alike
// within the window is a change of its own (a reinstall).
UNWIND $batch.rows AS r
MATCH (h:Host {id: r.hostId})
MERGE (pkg:Package {key: r.packageKey})
  ON CREATE SET pkg.manager = r.manager, pkg.name = r.name
WITH h, pkg, r
// A dnf change takes its package's lock before looking for a twin (setting a property locks the
// node, even to its own value): a concurrent batch holding the twin commits first and is then seen,
// instead of both batches missing each other's twin. Rows arrive in package order (planWrites), so
// two batches lock their packages in one order and cannot deadlock on them.
CALL (pkg, r) {
  WITH * WHERE r.twinMs IS NOT NULL
  SET pkg.manager = pkg.manager
}
CALL (h, pkg, r) {
  OPTIONAL MATCH (h)-[twin:INSTALLED]->(pkg)
  WHERE r.twinMs IS NOT NULL AND twin.eventId <> r.eventId AND twin.op = r.op AND twin.version = r.version
    AND (r.eventId IN coalesce(twin.absorbed, [])
         OR (twin.absorbed IS NULL AND (twin.repository IS NULL) <> (r.repository IS NULL) AND abs(twin.ts - r.ts) <= r.twinMs))
  WITH twin ORDER BY CASE WHEN r.eventId IN coalesce(twin.absorbed, []) THEN 0 ELSE 1 END, abs(twin.ts - r.ts)
  LIMIT 1
  RETURN twin
}
CALL (h, pkg, r, twin) {
  WITH * WHERE twin IS NULL
  MERGE (h)-[i:INSTALLED {eventId: r.eventId}]->(pkg)
    ON CREATE SET i.ts = r.ts, i.op = r.op, i.version = r.version, i.previousVersion = r.previousVersion,
                  i.arch = r.arch, i.repository = r.repository, i.signingKey = r.signingKey,
                  i.commandLine = r.commandLine, i.actorUid = r.actorUid, i.source = r.source
}
CALL (r, twin) {
  WITH * WHERE twin IS NOT NULL AND twin.absorbed IS NULL
  SET twin.absorbed = [r.eventId], twin.twinSource = r.source,
      twin.repository = coalesce(twin.repository, r.repository), twin.previousVersion = coalesce(twin.previousVersion, r.previousVersion),
      twin.arch = coalesce(twin.arch, r.arch), twin.signingKey = coalesce(twin.signingKey, r.signingKey),
      twin.commandLine = coalesce(twin.commandLine, r.commandLine), twin.actorUid = coalesce(twin.actorUid, r.actorUid)
}
