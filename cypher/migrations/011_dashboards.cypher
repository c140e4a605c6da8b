// Dashboards select findings by when their activity began (cypher/dashboards): a range index on
// firstSeen (lastSeen has one since 002).
CREATE INDEX finding_first_seen IF NOT EXISTS FOR (f:Finding) ON (f.firstSeen);
