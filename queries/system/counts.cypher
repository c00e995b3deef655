// Node and relationship counts of the graph readers see: a staged load's Pending nodes and their
// relationships are left out (answered from the count store, but for relationships between two
// Pending nodes, which only a running or dead staged load leaves).
CALL () { MATCH (n) RETURN count(n) AS all_nodes }
CALL () { MATCH (p:__STAGED__) RETURN count(p) AS staged_nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS all_relationships }
CALL () { MATCH (:__STAGED__)-[r]->() RETURN count(r) AS staged_out }
CALL () { MATCH ()-[r]->(:__STAGED__) RETURN count(r) AS staged_in }
CALL () { MATCH (:__STAGED__)-[r]->(:__STAGED__) RETURN count(r) AS staged_both }
RETURN all_nodes - staged_nodes AS nodes,
       all_relationships - staged_out - staged_in + staged_both AS relationships
