// Per-event relationships are MERGEd between their two already-locked endpoints, which finds a
// replayed event without a relationship index; the eventId uniqueness constraints cost an index
// entry per event for nothing (measured in docs/benchmarks.md).
DROP CONSTRAINT wrote_event IF EXISTS;
DROP CONSTRAINT deleted_event IF EXISTS;
DROP CONSTRAINT loaded_event IF EXISTS;
DROP CONSTRAINT connected_event IF EXISTS;
DROP CONSTRAINT queried_event IF EXISTS;
DROP CONSTRAINT installed_event IF EXISTS;
DROP CONSTRAINT verified_event IF EXISTS;
// Anchors of process-anchored analytics (msiexec) in a retro-hunt's time range.
CREATE INDEX process_start_ts IF NOT EXISTS FOR (p:Process) ON (p.startTs);
