// A host's package installs, upgrades and removals in [$since, $until], newest first; a page
// resumes below ($until, $afterId).
MATCH (:Host {id: $hostId})-[i:INSTALLED]->(pkg:Package)
WHERE i.ts >= $since AND i.ts <= $until
  AND (i.ts < $until OR $afterId IS NULL OR i.eventId < $afterId)
RETURN {id: i.eventId, ts: i.ts, processUid: i.actorUid, target: pkg.name, manager: pkg.manager, op: i.op,
        version: i.version, previousVersion: i.previousVersion, repository: i.repository, commandLine: i.commandLine} AS event
ORDER BY i.ts DESC, i.eventId DESC
LIMIT $limit
