// How many findings the default view holds (every status but suppressed): the number of Finding
// nodes from Neo4j's count store (constant time), less the suppressed ones read from the status index.
CALL () {
  MATCH (f:Finding)
  RETURN count(f) AS stored
}
CALL () {
  MATCH (s:Finding)
  WHERE s.status = 'suppressed'
  RETURN count(s) AS suppressed
}
RETURN stored - suppressed AS total
