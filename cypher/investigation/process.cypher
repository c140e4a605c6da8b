// One process by its key, with the facts the process view shows.
MATCH (p:Process {uid: $uid})
OPTIONAL MATCH (parent:Process)-[:SPAWNED]->(p)
WITH p, collect(parent.uid)[0] AS parentUid
RETURN p {.uid, .hostId, .pid, .image, .imageName, .commandLine, .user, .startTs, .endTs, .sha256,
          .signer, .signed, .signatureStatus, parentUid: parentUid} AS process
