// Dependency weights among the given actors: for each ordered pair (row depends on column), the summed
// weight of DEPENDS_ON relationships (of $kind, or both kinds), with what is depended on and the claims.
// Parameters: $actors (list of actor ids), $kind ('power', 'resource' or null).
// :param {actors: ['unmik', 'unsc', 'osce', 'eu'], kind: null}
MATCH (a:Actor)-[r:DEPENDS_ON]->(b:Actor)
WHERE a.id IN $actors AND b.id IN $actors AND ($kind IS NULL OR r.kind = $kind)
RETURN a.id AS from, b.id AS to, sum(r.weight) AS weight, collect(DISTINCT r.on) AS on,
       reduce(acc = [], e IN collect(r.evidence) | acc + e) AS evidence
