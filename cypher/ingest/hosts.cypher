// Hosts are created once and never updated by ingest: a hot node written by every batch would
// serialize concurrent workers. Last-seen times are derived by query instead.
UNWIND $batch.rows AS r
MERGE (h:Host {id: r.hostId})
  ON CREATE SET h.name = r.hostName, h.os = r.os, h.firstSeen = r.ts,
                // Found by name in any case or by its first label (migration 021).
                h.nameLower = toLower(r.hostName), h.shortNameLower = toLower(split(r.hostName, '.')[0])
