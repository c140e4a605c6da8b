// The children of a set of processes (one level of a breadth-first walk), by start time.
UNWIND $uids AS parentUid
MATCH (:Process {uid: parentUid})-[s:SPAWNED]->(child:Process)
RETURN child {.uid, .image, .commandLine, .user, startTs: coalesce(child.startTs, s.ts), parentUid: parentUid} AS process
ORDER BY process.startTs, process.uid
LIMIT $limit
