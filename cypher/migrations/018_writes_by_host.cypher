// Host-level telemetry (Zeek, package logs) names hosts, not processes, so after such a batch the
// file-anchored analytics look for files written on those hosts within the window
// (cypher/analytics/_shared/file-anchors-in-window). Without a host on the write, that read was
// every write of the whole fleet within the window; with it, one (hostId, ts) range per host.
CREATE INDEX wrote_host_ts IF NOT EXISTS FOR ()-[w:WROTE]-() ON (w.hostId, w.ts);
// Back-fill for writes stored before: the written file's host, 10,000 writes per transaction.
MATCH ()-[w:WROTE]->(f:File)
WHERE w.hostId IS NULL
CALL (w, f) { SET w.hostId = f.hostId } IN TRANSACTIONS OF 10000 ROWS;
