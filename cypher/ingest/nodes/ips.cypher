UNWIND $batch.rows AS r
MERGE (:IP {address: r.address})
