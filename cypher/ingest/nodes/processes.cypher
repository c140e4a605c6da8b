// Every process a batch refers to, once. A process first seen as a parent or as an actor is a
// placeholder with what that reference knew; its own start event fills it in (process-start).
UNWIND $batch.rows AS r
MERGE (p:Process {uid: r.uid})
  ON CREATE SET p.hostId = r.hostId, p.pid = r.pid, p.image = r.image, p.imageName = r.imageName
