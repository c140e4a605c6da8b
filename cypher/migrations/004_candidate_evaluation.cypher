// Drops the eventId uniqueness constraints older graphs have from 001 and 003 (an index entry and
// its lock per event). Per-event relationships were then MERGEd between their two endpoints, a
// walk that grew with each pair's earlier events; 019 gives them a plain eventId index instead.
DROP CONSTRAINT wrote_event IF EXISTS;
DROP CONSTRAINT deleted_event IF EXISTS;
DROP CONSTRAINT loaded_event IF EXISTS;
DROP CONSTRAINT connected_event IF EXISTS;
DROP CONSTRAINT queried_event IF EXISTS;
DROP CONSTRAINT installed_event IF EXISTS;
DROP CONSTRAINT verified_event IF EXISTS;
// Anchors of process-anchored analytics (msiexec) in a retro-hunt's time range.
CREATE INDEX process_start_ts IF NOT EXISTS FOR (p:Process) ON (p.startTs);
