// Node counts by label and the number of evidenced actor relations, for the VoID description.
// Parameters: none.
CALL () {
  MATCH (n)
  WHERE NOT n:Dataset
  UNWIND labels(n) AS label
  WITH label, count(*) AS nodes
  RETURN collect({label: label, nodes: nodes}) AS labels
}
CALL () {
  MATCH ()-[r:DEPENDS_ON|COORDINATES_WITH|TENSION_WITH|REPORTS_TO|FUNDS]->()
  RETURN count(r) AS relations
}
RETURN labels, relations
