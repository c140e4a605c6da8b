// The host timeline's module loads and DNS queries by time (writes, connections and installs have
// theirs since 002/003; process starts use process_host_start).
CREATE INDEX loaded_ts IF NOT EXISTS FOR ()-[r:LOADED]-() ON (r.ts);
CREATE INDEX queried_ts IF NOT EXISTS FOR ()-[r:QUERIED]-() ON (r.ts);
