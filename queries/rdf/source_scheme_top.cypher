// The top concepts (no skos:broader) of a public source's own task scheme, for GET /scheme/{pema|tamm}:
// the Task nodes whose `scheme` is that source's (PEMA's 41 tasks, TAMM's task columns).
// Parameters: $scheme ('pema' or 'tamm').
// :param {scheme: 'pema'}
MATCH (c:Task {scheme: $scheme})
WHERE NOT (c)-[:BROADER]->()
RETURN c.id AS id, c.pref_label AS pref_label
ORDER BY id
