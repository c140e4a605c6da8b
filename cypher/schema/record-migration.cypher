MERGE (m:Migration {name: $name})
ON CREATE SET m.appliedAt = datetime()
