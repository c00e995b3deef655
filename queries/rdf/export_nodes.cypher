// Every node of the loaded dataset (not the :Dataset bookkeeping node) with its outgoing
// relationships, for the RDF export (GET /rdf, `pkgraph export`, the SPARQL store).
// FROM_SOURCE is left out: a node's own source/locator properties say the same.
// The service reads the result in pages of the driver's fetch size, never all at once.
// Parameters: none.
MATCH (n)
WHERE NOT n:Dataset
RETURN labels(n) AS labels,
       properties(n) AS props,
       [(n)-[r]->(m) WHERE type(r) <> 'FROM_SOURCE' |
         {type: type(r), props: properties(r), other: m {.id, .number}, other_labels: labels(m)}] AS out
