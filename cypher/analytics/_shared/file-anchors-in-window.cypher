// Files written within [$since, $until] on the given hosts (all hosts when $scope.hostIds is null):
// the anchors of file-anchored analytics for retro-hunts and host-level telemetry.
// On given hosts, one (hostId, ts) range per host (migration 018): after a batch of Zeek or package
// records the scan stays within the hosts it names instead of every write of the fleet in the window.
CALL () {
  WITH $scope.hostIds AS hostIds WHERE hostIds IS NULL
  MATCH (:Process)-[w:WROTE]->(f:File)
  WHERE w.ts >= $since AND w.ts <= $until
  RETURN f
  UNION
  UNWIND coalesce($scope.hostIds, []) AS hostId
  MATCH (:Process)-[w:WROTE]->(f:File)
  USING INDEX SEEK w:WROTE(hostId, ts)
  WHERE w.hostId = hostId AND w.ts >= $since AND w.ts <= $until
  RETURN f
}
RETURN DISTINCT f.uid AS uid
