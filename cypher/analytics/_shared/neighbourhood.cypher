// Where a batch may have changed a chain: the batch's processes with their ancestors (a late
// child, load or connection completes the chain of an ancestor's first run), the image files of
// all of them, and the hosts behind addresses that process-less telemetry was attributed to.
// Only files some process wrote can anchor a DET0309 chain, so the others are dropped here.
// (These are seeds: each analytic's chain query still applies its own window to the writes.)
// Every lookup by key carries an index hint: the lists arrive inside a map, so the planner cannot
// size them, and once chose to scan every process's uid and join (196k rows on a 30k-event fleet),
// a per-batch cost that grew with the graph.
CALL () {
  UNWIND $touched.processUids AS uid
  MATCH (ancestor:Process)-[:SPAWNED*0..4]->(touched:Process {uid: uid})
  USING INDEX SEEK touched:Process(uid)
  RETURN collect(DISTINCT ancestor) AS processes
}
CALL (processes) {
  UNWIND processes AS p
  MATCH (p)-[:EXECUTED]->(image:File)
  RETURN collect(DISTINCT image.uid) AS imageUids
}
// A process start that arrives late (an installer whose writes came first) can complete the
// chains of files it or its descendants wrote.
CALL () {
  UNWIND $touched.startedUids AS uid
  MATCH (started:Process {uid: uid})-[:SPAWNED*0..4]->(:Process)-[:WROTE]->(f:File)
  USING INDEX SEEK started:Process(uid)
  RETURN collect(DISTINCT f.uid) AS descendantWrites
}
CALL (imageUids, descendantWrites) {
  UNWIND imageUids + descendantWrites + $touched.fileUids AS uid
  MATCH (f:File {uid: uid})
  USING INDEX SEEK f:File(uid)
  WHERE EXISTS { (:Process)-[:WROTE]->(f) }
  RETURN collect(DISTINCT f.uid) AS writtenFileUids
}
CALL () {
  UNWIND $touched.hostIps AS ip
  MATCH (h:Host)-[:HAD_IP]->(address:IP {address: ip})
  USING INDEX SEEK address:IP(address)
  RETURN collect(DISTINCT h.id) AS ipHostIds
}
RETURN [p IN processes | {uid: p.uid, imageName: p.imageName}] AS processes, writtenFileUids, ipHostIds
