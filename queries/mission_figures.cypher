// The thesis's figures of a mission and of its mandates, for the measures given: what the
// corroboration of /missions/{id}/strength sets next to the public sources' strength.
// Parameters: $id (a mission id), $measures (figure measures, e.g. troop-ceiling).
// :param {id: 'monuc', measures: ['troop-ceiling', 'police-ceiling', 'military-observers']}
MATCH (owner)-[:HAS_FIGURE]->(f:Figure)
WHERE f.measure IN $measures
  AND (owner.id = $id OR EXISTS { (owner)-[:MANDATE_OF]->(:Mission {id: $id}) })
RETURN f {.*, refers_to: toString(f.refers_to)} AS figure, owner.id AS owner
ORDER BY toString(f.refers_to), f.measure, f.id
