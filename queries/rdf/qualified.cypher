// The relationships of one qualified type (registry.Qualified: HELD_SEAT, CONTRIBUTES, DEPLOYED_WITH,
// the acts, INCLUDES, SET_BY, CORROBORATED_BY, the task mappings) from one node to another, for
// GET /relation/{id} of a qualified resource. Both ends are seeks on an id constraint (one UNION
// branch per id label, generated from the registry; a node with two labels comes once), and the
// relationships are expanded between the two (the public graph has ~100k CONTRIBUTES; a pair has at
// most a few hundred), so no relationship is scanned. The caller picks the one whose key, as a
// slug, the IRI carries (service.rdf.iris.Iris.qualified_slug).
// Parameters: $from, $to (node ids), $type (a registry.Qualified relationship type, allow-listed by the caller).
// :param from => 'pak'
// :param to => 'monusco'
// :param type => 'CONTRIBUTES'
CALL () {
  MATCH (a:__LABEL__ {id: $from}) RETURN a // each id label, UNION
}
CALL () {
  MATCH (b:__LABEL__ {id: $to}) RETURN b // each id label, UNION
}
MATCH (a)-[r]->(b)
WHERE type(r) = $type AND NOT a:__STAGED__ AND NOT b:__STAGED__
RETURN labels(a) AS from_labels,
       a {.id, .number, .year, .name, .title, .pref_label, .citation, .measure, .value, .refers_to, .field} AS from_node,
       labels(b) AS to_labels,
       b {.id, .number, .year, .name, .title, .pref_label, .citation, .measure, .value, .refers_to, .field} AS to_node,
       collect(properties(r)) AS edges
