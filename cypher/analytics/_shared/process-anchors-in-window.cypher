// Processes started within [$since, $until] on the given hosts (all hosts when $scope.hostIds is null)
// whose image name is one of $imageNames: the anchors of process-anchored analytics.
// On given hosts, one (hostId, startTs) range per host: after a batch of host-level telemetry the
// scan stays within the hosts it names instead of every process of the fleet in the window.
CALL () {
  WITH $scope.hostIds AS hostIds WHERE hostIds IS NULL
  MATCH (p:Process)
  WHERE p.startTs >= $since AND p.startTs <= $until AND p.imageName IN $imageNames
  RETURN p
  UNION
  UNWIND coalesce($scope.hostIds, []) AS hostId
  MATCH (p:Process)
  USING INDEX SEEK p:Process(hostId, startTs)
  WHERE p.hostId = hostId AND p.startTs >= $since AND p.startTs <= $until AND p.imageName IN $imageNames
  RETURN p
}
RETURN p.uid AS uid
