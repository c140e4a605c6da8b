// Findings whose evidence includes a run of this binary or a file holding it: IMPLICATES is written
// with the finding (cypher/findings/upsert), so a binary on every host costs its findings, not its runs.
MATCH (:Binary {sha256: $sha256})<-[:IMPLICATES]-(f:Finding)
RETURN f {.*} AS finding
ORDER BY finding.lastSeen DESC
LIMIT 100
