// Node and relationship counts, to check that an import wrote what the rows hold.
CALL () { MATCH (n) WHERE NOT n:Dataset RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
