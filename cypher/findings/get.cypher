MATCH (f:Finding {id: $id})
RETURN f {.*, searchText: null} AS finding
