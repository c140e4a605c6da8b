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
// One relationship per source event: replaying the event finds it by eventId.
CREATE CONSTRAINT wrote_event IF NOT EXISTS FOR ()-[r:WROTE]-() REQUIRE r.eventId IS UNIQUE;
CREATE CONSTRAINT deleted_event IF NOT EXISTS FOR ()-[r:DELETED]-() REQUIRE r.eventId IS UNIQUE;
CREATE CONSTRAINT loaded_event IF NOT EXISTS FOR ()-[r:LOADED]-() REQUIRE r.eventId IS UNIQUE;
CREATE CONSTRAINT connected_event IF NOT EXISTS FOR ()-[r:CONNECTED]-() REQUIRE r.eventId IS UNIQUE;
CREATE CONSTRAINT queried_event IF NOT EXISTS FOR ()-[r:QUERIED]-() REQUIRE r.eventId IS UNIQUE;
