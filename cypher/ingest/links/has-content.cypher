// Each content a file held, once. A link already made (most: every batch links again the contents
// of the files it touched) is found by its key in an index (migration 020) with no lock; an absent
// one is looked up again once its file is locked (a concurrent batch may just have made it:
// src/graph/writeEvents.ts), then created. The link carries the content's SHA-256 and the file's
// host for the (sha256, hostId) index behind the binary pivot's hosts (migration 014).
UNWIND $batch.rows AS r
OPTIONAL MATCH ()-[known:HAS_CONTENT {key: r.fileUid + '|' + r.sha256}]->() USING INDEX SEEK known:HAS_CONTENT(key)
WITH r WHERE known IS NULL
MATCH (f:File {uid: r.fileUid})
MATCH (b:Binary {sha256: r.sha256})
SET f.uid = f.uid
WITH *
OPTIONAL MATCH ()-[seen:HAS_CONTENT {key: r.fileUid + '|' + r.sha256}]->() USING INDEX SEEK seen:HAS_CONTENT(key)
WITH * WHERE seen IS NULL
CREATE (f)-[c:HAS_CONTENT {key: r.fileUid + '|' + r.sha256}]->(b)
  SET c.sha256 = b.sha256, c.hostId = f.hostId
