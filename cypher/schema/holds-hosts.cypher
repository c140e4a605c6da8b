// Whether the graph holds any host yet (`provhunt start --sample` loads the demo into an empty graph only).
MATCH (h:Host)
RETURN count(h) > 0 AS any
