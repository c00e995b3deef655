// One evidenced actor relation (DEPENDS_ON, COORDINATES_WITH, TENSION_WITH, REPORTS_TO, FUNDS),
// for GET /relation/{id}: both actors' display fields and every property of the relationship.
// Parameters: $from, $to (actor ids), $type (relationship type, from an allow-list), $key ('kind:on' or '').
// :param from => 'monuc'
// :param to => 'unsc'
// :param type => 'DEPENDS_ON'
// :param key => 'power:mandate'
MATCH (a:Actor {id: $from})-[r]->(b:Actor {id: $to})
WHERE type(r) = $type AND r.key = $key
RETURN labels(a) AS from_labels,
       a {.id, .name} AS from_node,
       properties(r) AS props,
       labels(b) AS to_labels,
       b {.id, .name} AS to_node
LIMIT 1
