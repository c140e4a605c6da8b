// For each of $sha256s: prevalence (distinct hosts where the content was written or run, as in the
// binary pivot), runs, and a few of the names it had.
UNWIND $sha256s AS sha256
MATCH (b:Binary {sha256: sha256})
CALL (b) {
  MATCH (file:File)-[:HAS_CONTENT]->(b) RETURN file.hostId AS hostId, file.name AS name, 0 AS run
  UNION ALL
  MATCH (p:Process)-[:INSTANCE_OF]->(b) RETURN p.hostId AS hostId, p.imageName AS name, 1 AS run
}
WITH b, count(DISTINCT hostId) AS prevalence, sum(run) AS runCount, collect(DISTINCT name)[..5] AS names
RETURN b.sha256 AS sha256, prevalence, runCount, names
