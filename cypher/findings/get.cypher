MATCH (f:Finding {id: $id})
RETURN f {.*} AS finding
