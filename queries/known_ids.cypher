// Which of $ids name a node with the label $label: the check behind a 422 for an unknown filter value
// (`/claims?code=nonexistent`). One branch per id label (queries.templates), so the id index is used.
// Parameters: $label (a label of the registry), $ids.
// :param {label: 'Code', ids: ['power-dependency', 'nonexistent']}
CALL (*) {
  MATCH (n:__LABEL__) WHERE $label = '__LABEL__' AND n.id IN $ids RETURN n.id AS id // each id label, UNION
}
RETURN collect(DISTINCT id) AS found
