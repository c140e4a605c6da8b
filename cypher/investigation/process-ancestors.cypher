// Parent, grandparent, ... up to $depth (the pattern's bound is the API's maximum, 10).
MATCH path = (ancestor:Process)-[:SPAWNED*1..10]->(:Process {uid: $uid})
WHERE length(path) <= $depth
WITH ancestor, length(path) AS depth
OPTIONAL MATCH (parent:Process)-[:SPAWNED]->(ancestor)
WITH ancestor, depth, collect(parent.uid)[0] AS parentUid
RETURN ancestor {.uid, .image, .commandLine, .user, .startTs, depth: depth, parentUid: parentUid} AS process
ORDER BY depth
LIMIT 10
