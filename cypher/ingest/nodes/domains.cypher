UNWIND $rows AS r
MERGE (:Domain {name: r.name})
