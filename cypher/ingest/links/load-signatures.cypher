// Which signature states the loads of a file reported for its content: one LOAD_SIGNATURE per file,
// content and state, so the binary pivot counts the files per state from the Binary's few such
// links instead of reading every load (a DLL every process loads has millions). The state is the
// same expression as migration 016's back-fill (and planWrites' dedup); the key (file, content,
// state) finds a link already made in an index, as has-content does (migration 020), and a link
// of that state without a key is keyed rather than doubled.
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
OPTIONAL MATCH (f)-[unkeyed:LOAD_SIGNATURE {state: state}]->(b) WHERE unkeyed.key IS NULL
WITH f, b, r, state, key, collect(unkeyed) AS unkeyed
FOREACH (link IN unkeyed | SET link.key = key)
FOREACH (_ IN CASE WHEN size(unkeyed) = 0 THEN [1] ELSE [] END |
  CREATE (f)-[:LOAD_SIGNATURE {key: key, state: state, sha256: b.sha256, status: r.signatureStatus, signed: r.signed, signer: r.signer}]->(b))
