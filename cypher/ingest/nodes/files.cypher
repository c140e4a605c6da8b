UNWIND $batch.rows AS r
MERGE (f:File {uid: r.uid})
  ON CREATE SET f.hostId = r.hostId, f.path = r.path, f.name = r.name,
                // lower-cased identity path, for case-insensitive search (migration 010)
                f.pathLower = toLower(substring(r.uid, size(r.hostId) + 1))
