// A per-event relationship is found again by its eventId through these indexes (the ingest
// statements' USING INDEX SEEK), not by walking the relationships between its two ends: that walk
// (what MERGE between bound nodes does, migration 004) grows with every earlier event of the same
// pair, so a process querying one name or beaconing to one address thousands of times made each
// batch slower than the last (5,000 queries of one domain: 8.6 s per batch from the first, 106 s
// at 25,000; with the index 0.25-0.3 s at any count, docs/benchmarks.md).
CREATE INDEX wrote_event_id IF NOT EXISTS FOR ()-[r:WROTE]-() ON (r.eventId);
CREATE INDEX deleted_event_id IF NOT EXISTS FOR ()-[r:DELETED]-() ON (r.eventId);
CREATE INDEX loaded_event_id IF NOT EXISTS FOR ()-[r:LOADED]-() ON (r.eventId);
CREATE INDEX connected_event_id IF NOT EXISTS FOR ()-[r:CONNECTED]-() ON (r.eventId);
CREATE INDEX queried_event_id IF NOT EXISTS FOR ()-[r:QUERIED]-() ON (r.eventId);
CREATE INDEX verified_event_id IF NOT EXISTS FOR ()-[r:VERIFIED]-() ON (r.eventId);
