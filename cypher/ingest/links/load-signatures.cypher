// Which signature states the loads of a file reported for its content: one LOAD_SIGNATURE per file,
// content and state, so the binary pivot counts the files per state from the Binary's few such
// links instead of reading every load (a DLL every process loads has millions). The state key is
// the same expression as migration 016's back-fill.
UNWIND $batch.rows AS r
MATCH (f:File {uid: r.fileUid})
MATCH (b:Binary {sha256: r.sha256})
MERGE (f)-[s:LOAD_SIGNATURE {state: coalesce(r.signatureStatus, '') + '|' + coalesce(toString(r.signed), '') + '|' + coalesce(r.signer, '')}]->(b)
  ON CREATE SET s.sha256 = b.sha256, s.status = r.signatureStatus, s.signed = r.signed, s.signer = r.signer
