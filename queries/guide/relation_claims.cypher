// The claims behind a relation: every evidenced relation from one actor to another (DEPENDS_ON,
// COORDINATES_WITH, TENSION_WITH, REPORTS_TO, FUNDS), each claim in its `evidence` with the interviews it
// cites and the codes it is coded as.
// Parameters: $from, $to (actor ids).
// :param {from: 'unmik', to: 'unsc'}
MATCH relation = (a:Actor {id: $from})-[r:__EVIDENCED_TYPES__]->(:Actor {id: $to})
MATCH claim = (c:Claim)-[:MENTIONS]->(a)
WHERE c.id IN r.evidence
OPTIONAL MATCH cited = (c)-[:CITES]->(:Interview)
OPTIONAL MATCH coded = (c)-[:CODED_AS]->(:Code)
RETURN relation, claim, collect(DISTINCT cited) AS interviews, collect(DISTINCT coded) AS codes
