// A mandate's history: the thesis's mandates of a mission, each with the resolution that set it, the
// mandate it follows (PRECEDES) and the tasks it includes. Public sources' mandates (PEMA, TAMM; `coding`
// set) CORRESPONDS_TO these.
// Parameters: $mission (a mission id).
// :param {mission: 'monuc'}
MATCH set = (:Resolution)-[:SETS]->(d:Mandate)-[:MANDATE_OF]->(:Mission {id: $mission})
WHERE d.coding IS NULL
OPTIONAL MATCH follows = (:Mandate)-[:PRECEDES]->(d)
OPTIONAL MATCH tasks = (d)-[:INCLUDES]->(:Task)
RETURN set, collect(DISTINCT follows) AS follows, collect(DISTINCT tasks) AS tasks
