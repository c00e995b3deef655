// Creates one batch of new relationships (ingest.plan sends only relationships the graph does not
// hold) between nodes found by element id: those the load created or read a moment before, in
// the same transaction or load. The type is a parameter (Cypher 5.26 dynamic types) from
// ingest.graph_rows (an allow-list): one statement for every type, planned once.
// Parameters: $rows = [{a: element id, b: element id, type, props (key and digest included)}].
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written, collect(elementId(r)) AS created
