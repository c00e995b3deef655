// Node counts by label and the number of evidenced actor relations (their types filled in from
// schema.registry by queries.templates), for the VoID description.
// Parameters: none.
CALL () {
  MATCH (n)
  WHERE NOT n:Dataset
  UNWIND labels(n) AS label
  WITH label, count(*) AS nodes
  RETURN collect({label: label, nodes: nodes}) AS labels
}
CALL () {
  MATCH ()-[r:__EVIDENCED_TYPES__]->()
  RETURN count(r) AS relations
}
RETURN labels, relations
