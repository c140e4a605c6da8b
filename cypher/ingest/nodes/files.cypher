UNWIND $rows AS r
MERGE (f:File {uid: r.uid})
  ON CREATE SET f.hostId = r.hostId, f.path = r.path, f.name = r.name
