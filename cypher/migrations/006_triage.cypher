// Suppressions and the findings they hold back; findings listed by status.
CREATE CONSTRAINT suppression_id IF NOT EXISTS FOR (s:Suppression) REQUIRE s.id IS UNIQUE;
CREATE INDEX finding_suppressed_by IF NOT EXISTS FOR (f:Finding) ON (f.suppressedBy);
CREATE INDEX finding_status IF NOT EXISTS FOR (f:Finding) ON (f.status);
