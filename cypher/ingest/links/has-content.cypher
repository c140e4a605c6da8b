// Each content a file held, once. A link already made (most: every batch links again the contents
// of the files it touched) is found by its key in an index (migration 020) with no lock; an absent
// one is looked up again once its file is locked (a concurrent batch may just have made it:
// src/graph/writeEvents.ts), then created. A link written without a key by a worker of an earlier
// version after migration 020 ran would be doubled: stop those workers before these take batches
// (README, "Upgrading"); looking for such links here cost 40% more time per new link (run s13).
// The link carries the content's SHA-256 and the file's host for the (sha256, hostId) index behind
// the binary pivot's hosts (migration 014).
UNWIND $batch.rows AS r
WITH r, r.fileUid + '|' + r.sha256 AS key
OPTIONAL MATCH ()-[known:HAS_CONTENT {key: key}]->() USING INDEX SEEK known:HAS_CONTENT(key)
WITH r, key WHERE known IS NULL
MATCH (f:File {uid: r.fileUid})
MATCH (b:Binary {sha256: r.sha256})
SET f.uid = f.uid
WITH *
OPTIONAL MATCH ()-[seen:HAS_CONTENT {key: key}]->() USING INDEX SEEK seen:HAS_CONTENT(key)
WITH * WHERE seen IS NULL
CREATE (f)-[c:HAS_CONTENT {key: key}]->(b)
  SET c.sha256 = b.sha256, c.hostId = f.hostId
