// Processes started within [$since, $until] on the given hosts (all hosts when $scope.hostIds is null)
// whose image name is one of $imageNames: the anchors of process-anchored analytics.
MATCH (p:Process)
WHERE p.startTs >= $since AND p.startTs <= $until AND p.imageName IN $imageNames
  AND ($scope.hostIds IS NULL OR p.hostId IN $scope.hostIds)
RETURN p.uid AS uid
