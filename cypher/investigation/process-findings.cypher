// Findings whose evidence includes the process.
MATCH (:Process {uid: $uid})<-[:EVIDENCE]-(f:Finding)
RETURN f {.*, searchText: null} AS finding
ORDER BY f.lastSeen DESC, f.id
LIMIT 100
