MATCH (h:Host {id: $id})
RETURN h {.id, .name, .os, .firstSeen, placeholder: coalesce(h.placeholder, false)} AS host
