// The actor graph that centrality is computed on: evidenced relations between missions and organisations.
// An edge's evidence is its supporting claims; with $mission, only claims that mention that mission or
// cite an interview concerning it count (edges left with none drop out). $kind keeps only DEPENDS_ON of
// that kind. $relations lists the relationship types to include.
// Parameters: $relations (list), $kind ('power', 'resource' or null), $mission (mission id or null).
// :param {relations: ['DEPENDS_ON', 'COORDINATES_WITH', 'TENSION_WITH', 'REPORTS_TO', 'FUNDS'], kind: null, mission: null}
MATCH (a:Actor)-[r]->(b:Actor)
WHERE type(r) IN $relations
  AND ($kind IS NULL OR (type(r) = 'DEPENDS_ON' AND r.kind = $kind))
WITH a, r, b,
     [cid IN r.evidence WHERE $mission IS NULL OR EXISTS {
        MATCH (c:Claim {id: cid})
        WHERE EXISTS { (c)-[:MENTIONS]->(:Mission {id: $mission}) }
           OR EXISTS { (c)-[:CITES]->(:Interview)-[:CONCERNS]->(:Mission {id: $mission}) } }] AS evidence
WHERE size(evidence) > 0
RETURN a.id AS from, a.name AS from_name, b.id AS to, b.name AS to_name, type(r) AS type, r.kind AS kind,
       size(evidence) AS claims, evidence
