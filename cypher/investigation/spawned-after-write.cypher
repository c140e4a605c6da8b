// "Processes started within $withinMs after a write to a path containing $pathFragment by image
// $imageName (or full path $imagePath)". The newest $maxWrites matching writes are considered; for
// each started process the write most related to it is kept (it runs the written file, then the
// writer spawned it, then the latest). Starts come from the (hostId, startTs) index.
MATCH (writer:Process {imageName: $imageName})-[w:WROTE]->(f:File)
WHERE w.ts >= $since AND w.ts <= $until
  AND ($imagePath IS NULL OR toLower(writer.image) = $imagePath)
  AND ($hostId IS NULL OR f.hostId = $hostId)
  AND toLower(f.path) CONTAINS $pathFragment
WITH writer, w, f ORDER BY w.ts DESC LIMIT $maxWrites
MATCH (spawned:Process)
WHERE spawned.hostId = f.hostId AND spawned.startTs >= w.ts AND spawned.startTs <= w.ts + $withinMs
  AND spawned <> writer
WITH writer, w, f, spawned,
     EXISTS { (writer)-[:SPAWNED]->(spawned) } AS byWriter,
     EXISTS { (spawned)-[:EXECUTED]->(f) } AS runsWrittenFile
WHERE byWriter OR NOT $writerChildrenOnly
ORDER BY runsWrittenFile DESC, byWriter DESC, w.ts DESC
WITH spawned, collect({writer: writer, w: w, f: f, byWriter: byWriter, runsWrittenFile: runsWrittenFile})[0] AS best
ORDER BY spawned.startTs DESC, spawned.uid
LIMIT $limit
OPTIONAL MATCH (parent:Process)-[:SPAWNED]->(spawned)
WITH spawned, best, collect(parent.uid)[0] AS parentUid
RETURN spawned.hostId AS hostId,
  spawned {.uid, .image, .commandLine, .user, .startTs, parentUid: parentUid} AS spawned,
  {processUid: best.writer.uid, image: best.writer.image, path: best.f.path, op: best.w.op, sha256: best.w.sha256, ts: best.w.ts} AS write,
  best.byWriter AS byWriter, best.runsWrittenFile AS runsWrittenFile
