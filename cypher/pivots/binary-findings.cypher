// Findings whose evidence includes a run of this binary or a file holding it.
MATCH (b:Binary {sha256: $sha256})
CALL (b) {
  MATCH (b)<-[:INSTANCE_OF]-(:Process)<-[:EVIDENCE]-(f:Finding) RETURN f
  UNION
  MATCH (b)<-[:HAS_CONTENT]-(:File)<-[:EVIDENCE]-(f:Finding) RETURN f
}
RETURN DISTINCT f {.*} AS finding
ORDER BY finding.lastSeen DESC
LIMIT 100
