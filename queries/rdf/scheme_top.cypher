// The top concepts (no skos:broader) of a SKOS scheme, for GET /scheme/{task|code}.
// Parameters: $label ('Task' or 'Code').
// :param label => 'Task'
CALL () {
  MATCH (c:Task) WHERE $label = 'Task' RETURN c
  UNION
  MATCH (c:Code) WHERE $label = 'Code' RETURN c
}
WITH c
// A public source's task concepts (`scheme`: pema, tamm) are in their own schemes, not the project's.
WHERE NOT EXISTS { (c)-[:BROADER]->(b) WHERE NOT b:__STAGED__ } AND c.scheme IS NULL
RETURN c.id AS id, c.pref_label AS pref_label
ORDER BY id
