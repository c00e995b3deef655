// Who a mission depends on, and why: its DEPENDS_ON relations (kind power or resource, on what, weight =
// distinct interviews) and the claims that evidence each, drawn as the claims that mention the mission.
// Parameters: $mission (a mission id).
// :param {mission: 'unmik'}
MATCH p = (m:Mission {id: $mission})-[d:DEPENDS_ON]->(:Actor)
OPTIONAL MATCH why = (c:Claim)-[:MENTIONS]->(m)
WHERE c.id IN d.evidence
RETURN p, collect(why) AS evidence
