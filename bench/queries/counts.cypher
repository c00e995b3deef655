// Node and relationship counts, to check that an import wrote what the rows hold.
CALL () { MATCH (n) WHERE n.load IS NOT NULL RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
