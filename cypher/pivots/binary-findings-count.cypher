// How many findings implicate a binary: its IMPLICATES degree, from the node's relationship counts.
MATCH (b:Binary {sha256: $sha256})
RETURN COUNT { (b)<-[:IMPLICATES]-(:Finding) } AS total
