// Names are not unique (two agents may report one name): the caller decides what to do with several.
MATCH (h:Host {name: $name})
RETURN h {.id, .name, .os, .firstSeen, placeholder: coalesce(h.placeholder, false)} AS host
ORDER BY h.id
LIMIT 10
