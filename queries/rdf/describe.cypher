// One resource's concise bounded description, for GET /{type}/{id}: the node, its outgoing and
// incoming relationships (FROM_SOURCE left out: the node's own properties carry its source), its
// figures and statements, and the display fields of every node at the far end of a relationship.
// One UNION branch per label, generated from schema.registry (queries.templates), so each lookup
// is an index seek on the label's id constraint (a resolution is looked up by its number, as its
// IRI carries the number). A dynamic label, MATCH (n:$($label) {id: $id}), scans all nodes in 5.26.
// Parameters: $label (a label of service.rdf.iris.TYPES), $id (node id), $number (resolution number or null).
// :param label => 'Mission'
// :param id => 'monuc'
// :param number => null
CALL () {
  MATCH (n:__LABEL__ {__KEY__: $__KEY__}) WHERE $label = '__LABEL__' RETURN n // each node kind, UNION
}
WITH n LIMIT 1
RETURN labels(n) AS labels,
       properties(n) AS props,
       [(n)-[r]->(m) WHERE type(r) <> 'FROM_SOURCE' AND NOT m:__STAGED__ |
         {type: type(r), props: properties(r), other: m {.id, .number, .year, .name, .title, .pref_label, .citation, .measure, .value, .refers_to, .field}, other_labels: labels(m)}] AS out,
       [(m)-[r]->(n) WHERE type(r) <> 'FROM_SOURCE' AND NOT m:__STAGED__ |
         {type: type(r), props: properties(r), other: m {.id, .number, .year, .name, .title, .pref_label, .citation, .measure, .value, .refers_to, .field}, other_labels: labels(m)}] AS incoming,
       [(n)-[:HAS_FIGURE|HAS_STATEMENT]->(o) WHERE NOT o:__STAGED__ | {labels: labels(o), props: properties(o), out: []}] AS owned
