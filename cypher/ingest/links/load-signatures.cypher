// Which signature states the loads of a file reported for its content: one LOAD_SIGNATURE per file,
// content and state, so the binary pivot counts the files per state from the Binary's few such
// links instead of reading every load (a DLL every process loads has millions). The state is the
// same expression as migration 016's back-fill (and planWrites' dedup); the key (file, content,
// state) finds a link already made in an index, as has-content does (migration 020).
UNWIND $batch.rows AS r
WITH r, coalesce(r.signatureStatus, '') + '|' + coalesce(toString(r.signed), '') + '|' + coalesce(r.signer, '') AS state
WITH r, state, r.fileUid + '|' + r.sha256 + '|' + state AS key
OPTIONAL MATCH ()-[known:LOAD_SIGNATURE {key: key}]->() USING INDEX SEEK known:LOAD_SIGNATURE(key)
WITH r, state, key WHERE known IS NULL
MATCH (f:File {uid: r.fileUid})
MATCH (b:Binary {sha256: r.sha256})
SET f.uid = f.uid
WITH *
OPTIONAL MATCH ()-[seen:LOAD_SIGNATURE {key: key}]->() USING INDEX SEEK seen:LOAD_SIGNATURE(key)
WITH * WHERE seen IS NULL
CREATE (f)-[s:LOAD_SIGNATURE {key: key}]->(b)
  SET s.state = state, s.sha256 = b.sha256, s.status = r.signatureStatus, s.signed = r.signed, s.signer = r.signer
