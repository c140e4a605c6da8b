// Where a batch may have changed a chain: the batch's processes with their ancestors (a late
// child, load or connection completes the chain of an ancestor's first run), the image files of
// all of them, and the hosts behind addresses that process-less telemetry was attributed to.
CALL () {
  UNWIND $processUids AS uid
  MATCH (ancestor:Process)-[:SPAWNED*0..4]->(:Process {uid: uid})
  RETURN collect(DISTINCT ancestor) AS processes
}
CALL (processes) {
  UNWIND processes AS p
  MATCH (p)-[:EXECUTED]->(image:File)
  RETURN collect(DISTINCT image.uid) AS imageUids
}
CALL () {
  UNWIND $hostIps AS ip
  MATCH (h:Host)-[:HAD_IP]->(:IP {address: ip})
  RETURN collect(DISTINCT h.id) AS ipHostIds
}
RETURN [p IN processes | p.uid] AS processUids, imageUids AS imageFileUids, ipHostIds
