// Search and the entity pivots (cypher/search, cypher/pivots). Fragment search compares lower-cased
// copies written at ingest (File.pathLower, Process.commandLineLower): TEXT indexes answer CONTAINS
// and ENDS WITH but compare case-sensitively. Domain names are lower-cased by the adapters already.
CREATE TEXT INDEX file_path_lower_text IF NOT EXISTS FOR (f:File) ON (f.pathLower);
CREATE TEXT INDEX process_command_line_lower_text IF NOT EXISTS FOR (p:Process) ON (p.commandLineLower);
CREATE TEXT INDEX domain_name_text IF NOT EXISTS FOR (d:Domain) ON (d.name);
// Exact-value pivots: a file name across the fleet, a signer by name or Team ID.
CREATE INDEX file_name IF NOT EXISTS FOR (f:File) ON (f.name);
CREATE INDEX signer_name IF NOT EXISTS FOR (s:Signer) ON (s.name);
CREATE INDEX signer_team_id IF NOT EXISTS FOR (s:Signer) ON (s.teamId);
CREATE INDEX process_signer IF NOT EXISTS FOR (p:Process) ON (p.signer);
// One entry per signed module load (the most frequent event): the price of pivoting on a signer's loads.
CREATE INDEX loaded_signer IF NOT EXISTS FOR ()-[l:LOADED]-() ON (l.signer);
// Graphs written before this migration: derive the lower-cased copies the same way ingest does
// (pathLower is the identity path after the host id in the uid, lower-cased).
MATCH (f:File) WHERE f.pathLower IS NULL AND f.uid IS NOT NULL
SET f.pathLower = toLower(substring(f.uid, size(f.hostId) + 1));
MATCH (p:Process) WHERE p.commandLineLower IS NULL AND p.commandLine IS NOT NULL
SET p.commandLineLower = toLower(p.commandLine);
