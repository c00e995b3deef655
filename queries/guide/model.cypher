// The model: a claim, the interview it cites and the mission the interview concerns, each with its source.
// Every record carries `source` (a Source id) and a locator: where in that source it stands (a thesis
// section and line, or a dataset file and row or key, and column), and often the `quote` it rests on;
// (record)-[:FROM_SOURCE]->(:Source) is the same link as a relationship.
// Parameters: $mission (a mission id).
// :param {mission: 'unmik'}
MATCH p = (:Claim)-[:CITES]->(:Interview)-[:CONCERNS]->(:Mission {id: $mission})-[:FROM_SOURCE]->(:Source)
RETURN p
LIMIT 10
