// A page of the findings whose evidence includes a run of this binary or a file holding it, newest
// activity first, after the cursor's (lastSeen, id) ($after: null for the first page). IMPLICATES is
// written with the finding (cypher/findings/upsert), so a binary on every host costs its findings,
// not its runs; keyset paging keeps a late page as cheap as the first.
MATCH (:Binary {sha256: $sha256})<-[:IMPLICATES]-(f:Finding)
WHERE $after IS NULL OR f.lastSeen < $after.lastSeen OR (f.lastSeen = $after.lastSeen AND f.id > $after.id)
RETURN f {.*, searchText: null} AS finding
ORDER BY f.lastSeen DESC, f.id
LIMIT $limit
