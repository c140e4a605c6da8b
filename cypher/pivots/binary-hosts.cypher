// A page of the hosts where a SHA-256 exists, in host id order after the cursor ($after: '' for
// the first page): read in order from the (sha256, hostId) index of HAS_CONTENT and stopped at the
// limit, so a page costs its own hosts' files and runs whatever the content's prevalence. Per host:
// the paths of the files holding it and the images its runs reported, first and last seen from
// the writes of the content (by a process or seen by the host alone) and the runs.
MATCH ()-[c:HAS_CONTENT]->()
WHERE c.sha256 = $sha256 AND c.hostId > $after
WITH DISTINCT c.sha256 AS sha256, c.hostId AS hostId
ORDER BY sha256, hostId
LIMIT $limit
CALL (sha256, hostId) {
  MATCH (f:File)-[c:HAS_CONTENT]->()
  WHERE c.sha256 = sha256 AND c.hostId = hostId
  CALL (f, sha256) {
    OPTIONAL MATCH ()-[w:WROTE]->(f) WHERE w.sha256 = sha256
    RETURN min(w.ts) AS firstWrite, max(w.ts) AS lastWrite
  }
  CALL (f, sha256) {
    // The runs of the content from this file (a run's image file holds its content).
    OPTIONAL MATCH (p:Process)-[:EXECUTED]->(f) WHERE p.sha256 = sha256
    RETURN collect(DISTINCT p.image) AS images, min(p.startTs) AS firstRun, max(p.startTs) AS lastRun
  }
  UNWIND [f.path] + images AS path
  UNWIND [firstWrite, lastWrite, firstRun, lastRun] AS seen
  RETURN collect(DISTINCT path) AS paths, min(seen) AS firstSeen, max(seen) AS lastSeen
}
RETURN hostId, paths, firstSeen, lastSeen
ORDER BY hostId
