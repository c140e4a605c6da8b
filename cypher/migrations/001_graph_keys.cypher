// Identity constraints: every MERGE in cypher/ingest keys on one of these, which makes writes
// idempotent (a replayed event matches instead of duplicating) and gives each MERGE an index.
CREATE CONSTRAINT host_id IF NOT EXISTS FOR (h:Host) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT process_uid IF NOT EXISTS FOR (p:Process) REQUIRE p.uid IS UNIQUE;
CREATE CONSTRAINT file_uid IF NOT EXISTS FOR (f:File) REQUIRE f.uid IS UNIQUE;
CREATE CONSTRAINT binary_sha256 IF NOT EXISTS FOR (b:Binary) REQUIRE b.sha256 IS UNIQUE;
CREATE CONSTRAINT ip_address IF NOT EXISTS FOR (i:IP) REQUIRE i.address IS UNIQUE;
CREATE CONSTRAINT domain_name IF NOT EXISTS FOR (d:Domain) REQUIRE d.name IS UNIQUE;
CREATE CONSTRAINT finding_id IF NOT EXISTS FOR (f:Finding) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE;
// Per-event relationships are found again by eventId through migration 019's indexes. This
// migration once also made eventId unique on them; 004 dropped those constraints, and they are no
// longer created here, so a fresh graph does not build them only to drop them, and a process
// still applying 001 cannot collide with another that has reached 019 (an index and a constraint
// on the same property cannot coexist).
