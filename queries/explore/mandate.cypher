// A mandate for the reader: the mission it is of, the source that codes it (null: the thesis's, curated),
// and the mandates of the other sources for the same mission and resolution (CORRESPONDS_TO, either way).
// The page takes the rest (resolution, tasks, ceilings, order) from the mission's mandate evolution.
// Parameters: $id (a mandate id).
// :param {id: 'monuc-1291'}
MATCH (d:Mandate {id: $id})-[:MANDATE_OF]->(m:Mission)
RETURN d.id AS id, d.coding AS coding, m.id AS mission,
       [(d)-[:CORRESPONDS_TO]-(other:Mandate) | other.id] AS corresponding
