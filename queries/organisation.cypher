// One organisation with its parent, sub-organisations, what it leads, interviews affiliated with it
// and the number of claims that mention it.
// Parameters: $id
// :param {id: 'osce'}
MATCH (o:Organisation {id: $id})
RETURN o {.*} AS organisation,
  [(o)-[:PART_OF]->(p:Organisation) | p {.id, .name, .acronym}] AS parents,
  [(c:Organisation)-[:PART_OF]->(o) | c {.id, .name, .acronym}] AS children,
  [(o)-[:LEADS]->(x) WHERE NOT x:__STAGED__ | x {.id, label: coalesce(x.name, x.title), type: labels(x)[0]}] AS leads,
  [(o)-[:LOCATED_IN]->(t:Territory) | t {.id, .name}] AS territories,
  [(i:Interview)-[:AFFILIATED_WITH]->(o) | i {.id, .role}] AS interviews,
  [(o)-[:HAS_STATEMENT]->(s:Statement) | s {.*}] AS statements,
  COUNT { (c:Claim)-[:MENTIONS]->(o) } AS claims
