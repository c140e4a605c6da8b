UNWIND $batch.rows AS r
MERGE (:Domain {name: r.name})
