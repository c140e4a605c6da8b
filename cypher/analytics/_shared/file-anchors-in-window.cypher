// Files written within [$since, $until] on the given hosts (all hosts when $scope.hostIds is null):
// the anchors of file-anchored analytics for retro-hunts and host-level telemetry.
MATCH (:Process)-[w:WROTE]->(f:File)
WHERE w.ts >= $since AND w.ts <= $until AND ($scope.hostIds IS NULL OR f.hostId IN $scope.hostIds)
RETURN DISTINCT f.uid AS uid
