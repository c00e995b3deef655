// Central actors: the $top actors with the most evidenced relations (degree over DEPENDS_ON,
// COORDINATES_WITH, TENSION_WITH, REPORTS_TO, FUNDS), and the relations among them. GET /centrality ranks
// them by betweenness, PageRank or eigenvector as well.
// Parameters: $top (how many actors).
// :param {top: 12}
MATCH (a:Actor)-[r:__EVIDENCED_TYPES__]-(:Actor)
WITH a, count(r) AS degree
ORDER BY degree DESC, a.id
LIMIT $top
WITH collect(a) AS central
MATCH p = (a:Actor)-[:__EVIDENCED_TYPES__]->(b:Actor)
WHERE a IN central AND b IN central
RETURN p
