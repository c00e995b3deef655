// One page of the RDF export (GET /rdf, `pkgraph export`, the SPARQL store): up to $page nodes of
// one label with ids after $after, in id order, each with its outgoing relationships, returned
// as ONE record. The export walks every label of service.rdf.iris.TYPES page by page, each page
// an index seek on the label's id constraint. One record per page rather than one per node:
// the async driver's cost is per message received, and it was most of the export's time.
// __LABEL__ is filled in from service.rdf.iris.TYPES (an allow-list), never from input, and the
// evidenced relation types from schema.registry (queries.templates).
// FROM_SOURCE is left out: a node's own source/locator properties say the same. A plain
// relationship's provenance repeats its record's, so only its `source` (the named graph) and
// `field` travel; evidenced relations, qualified ones (a seat's year, a month's count: their
// own facts and locator) and INCLUDES (a mandate's own tasks source) bring all.
// Parameters: $after (the last id of the previous page, '' for the first), $page (nodes per page).
// :param {after: '', page: 1000}
MATCH (n:__LABEL__)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $page
RETURN collect({labels: labels(n),
                props: properties(n),
                out: [(n)-[r]->(m) WHERE type(r) <> 'FROM_SOURCE' AND NOT m:__STAGED__ |
                       {type: type(r),
                        props: CASE WHEN type(r) IN [__EVIDENCED_TYPE_NAMES__, __QUALIFIED_TYPE_NAMES__, 'INCLUDES']
                                    THEN properties(r) ELSE r {.source, .field} END,
                        other: m {.id, .number},
                        other_labels: labels(m)}]}) AS rows,
       max(n.id) AS last
