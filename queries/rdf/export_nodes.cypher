// Every node of the loaded dataset (not the :Dataset bookkeeping node) with its outgoing
// relationships, for the RDF export (GET /rdf, `pkgraph export`, the SPARQL store).
// FROM_SOURCE is left out: a node's own source/locator properties say the same. A plain
// relationship's provenance repeats its record's, so only its `source` (the named graph) and
// `field` travel; evidenced relations and INCLUDES (a mandate's own tasks source) bring all.
// The service reads the result in pages of the driver's fetch size, never all at once.
// Parameters: none.
MATCH (n)
WHERE NOT n:Dataset
RETURN labels(n) AS labels,
       properties(n) AS props,
       [(n)-[r]->(m) WHERE type(r) <> 'FROM_SOURCE' |
         {type: type(r),
          props: CASE WHEN type(r) IN ['DEPENDS_ON', 'COORDINATES_WITH', 'TENSION_WITH', 'REPORTS_TO', 'FUNDS',
                                       'INCLUDES']
                      THEN properties(r) ELSE r {.source, .field} END,
          other: m {.id, .number},
          other_labels: labels(m)}] AS out
