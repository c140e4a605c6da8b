// Who wrote a path (see path-summary for $keys and $identities), grouped by host and writing image.
// Changes the host saw without their process (file integrity monitoring: (Host)-[:WROTE]->(File))
// make a group of their own with no image and no process.
MATCH (f:File) WHERE f.pathLower IN $keys AND any(p IN $identities WHERE f.uid = f.hostId + '|' + p)
MATCH (writer)-[w:WROTE]->(f)
WITH f, w, CASE WHEN writer:Process THEN writer END AS p
WITH f.hostId AS hostId, p.image AS image, p.sha256 AS sha256, collect(DISTINCT w.op) AS ops,
     count(DISTINCT p) AS processes, count(w) AS writes, min(w.ts) AS firstSeen, max(w.ts) AS lastSeen
ORDER BY coalesce(lastSeen, -1) DESC, hostId, image LIMIT $limit
RETURN {hostId: hostId, image: image, sha256: sha256, ops: ops, processes: processes, writes: writes, firstSeen: firstSeen, lastSeen: lastSeen} AS writer
