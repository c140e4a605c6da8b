// How many nodes the graph holds, from Neo4j's count store (constant time): what plan generations follow.
MATCH (n) RETURN count(n) AS nodes
