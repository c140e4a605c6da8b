// Indexes behind the analytics' anchors and the API's list queries.
CREATE INDEX process_host IF NOT EXISTS FOR (p:Process) ON (p.hostId);
CREATE INDEX process_image_name IF NOT EXISTS FOR (p:Process) ON (p.imageName);
CREATE INDEX file_host IF NOT EXISTS FOR (f:File) ON (f.hostId);
CREATE INDEX host_name IF NOT EXISTS FOR (h:Host) ON (h.name);
CREATE INDEX wrote_ts IF NOT EXISTS FOR ()-[r:WROTE]-() ON (r.ts);
CREATE INDEX connected_ts IF NOT EXISTS FOR ()-[r:CONNECTED]-() ON (r.ts);
CREATE INDEX finding_last_seen IF NOT EXISTS FOR (f:Finding) ON (f.lastSeen);
CREATE INDEX finding_analytic IF NOT EXISTS FOR (f:Finding) ON (f.analytic);
