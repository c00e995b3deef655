// Node counts by label and the number of evidenced actor relations (their types filled in from
// schema.registry by queries.templates), for the VoID description.
// Parameters: none.
CALL () {
  MATCH (n)
  WHERE NOT n:Dataset AND NOT n:__STAGED__
  UNWIND labels(n) AS label
  WITH label, count(*) AS nodes
  RETURN collect({label: label, nodes: nodes}) AS labels
}
CALL () {
  MATCH (a)-[r:__EVIDENCED_TYPES__]->(b)
  WHERE NOT a:__STAGED__ AND NOT b:__STAGED__
  RETURN count(r) AS relations
}
RETURN labels, relations
