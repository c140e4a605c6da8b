// Package installs, signing identities and their per-event relationships.
CREATE CONSTRAINT package_key IF NOT EXISTS FOR (p:Package) REQUIRE p.key IS UNIQUE;
CREATE CONSTRAINT signer_key IF NOT EXISTS FOR (s:Signer) REQUIRE s.key IS UNIQUE;
// (Its eventId constraints on INSTALLED and VERIFIED are no longer created: see 001.)
CREATE INDEX installed_ts IF NOT EXISTS FOR ()-[r:INSTALLED]-() ON (r.ts);
CREATE INDEX had_ip_last_seen IF NOT EXISTS FOR ()-[r:HAD_IP]-() ON (r.lastSeen);
