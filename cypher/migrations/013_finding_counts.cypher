// A findings page's totalCount (cypher/findings/count-*): counts by status, severity and analytic
// read only the entries of one composite index; counts on one host start from the host's findings.
CREATE INDEX finding_status_severity_analytic IF NOT EXISTS FOR (f:Finding) ON (f.status, f.severity, f.analytic);
CREATE INDEX finding_host_name IF NOT EXISTS FOR (f:Finding) ON (f.hostName);
