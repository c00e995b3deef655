// One resource's concise bounded description, for GET /{type}/{id}: the node, its outgoing and
// incoming relationships (FROM_SOURCE left out: the node's own properties carry its source), its
// figures and statements, and the display fields of every node at the far end of a relationship.
// One UNION branch per label, so each lookup is an index seek on the label's id constraint
// (a resolution is looked up by its number, as its IRI carries the number).
// Parameters: $label (a label of service.rdf.iris.TYPES), $id (node id), $number (resolution number or null).
// :param label => 'Mission'
// :param id => 'monuc'
// :param number => null
CALL () {
  MATCH (n:Mission {id: $id}) WHERE $label = 'Mission' RETURN n
  UNION
  MATCH (n:Organisation {id: $id}) WHERE $label = 'Organisation' RETURN n
  UNION
  MATCH (n:Unit {id: $id}) WHERE $label = 'Unit' RETURN n
  UNION
  MATCH (n:Post {id: $id}) WHERE $label = 'Post' RETURN n
  UNION
  MATCH (n:Territory {id: $id}) WHERE $label = 'Territory' RETURN n
  UNION
  MATCH (n:Resolution {number: $number}) WHERE $label = 'Resolution' RETURN n
  UNION
  MATCH (n:Mandate {id: $id}) WHERE $label = 'Mandate' RETURN n
  UNION
  MATCH (n:Task {id: $id}) WHERE $label = 'Task' RETURN n
  UNION
  MATCH (n:Interview {id: $id}) WHERE $label = 'Interview' RETURN n
  UNION
  MATCH (n:Claim {id: $id}) WHERE $label = 'Claim' RETURN n
  UNION
  MATCH (n:Code {id: $id}) WHERE $label = 'Code' RETURN n
  UNION
  MATCH (n:Source {id: $id}) WHERE $label = 'Source' RETURN n
  UNION
  MATCH (n:Figure {id: $id}) WHERE $label = 'Figure' RETURN n
  UNION
  MATCH (n:Statement {id: $id}) WHERE $label = 'Statement' RETURN n
}
WITH n LIMIT 1
RETURN labels(n) AS labels,
       properties(n) AS props,
       [(n)-[r]->(m) WHERE type(r) <> 'FROM_SOURCE' |
         {type: type(r), props: properties(r), other: m {.id, .number, .year, .name, .title, .pref_label, .citation, .measure, .value, .refers_to, .field}, other_labels: labels(m)}] AS out,
       [(m)-[r]->(n) WHERE type(r) <> 'FROM_SOURCE' |
         {type: type(r), props: properties(r), other: m {.id, .number, .year, .name, .title, .pref_label, .citation, .measure, .value, .refers_to, .field}, other_labels: labels(m)}] AS incoming,
       [(n)-[:HAS_FIGURE|HAS_STATEMENT]->(o) | {labels: labels(o), props: properties(o), out: []}] AS owned
