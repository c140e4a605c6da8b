UNWIND $rows AS r
MERGE (:IP {address: r.address})
