// The evidenced relations of one actor (mission or organisation), both directions, each with its
// supporting claims (id, text, interviews cited) for the actor's page.
// Parameters: $id (an actor id).
// :param {id: 'unmik'}
MATCH (a:Actor {id: $id})-[r:__EVIDENCED_TYPES__]-(b:Actor)
WHERE NOT b:__STAGED__  // a staged load's nodes stay out until its swap
RETURN startNode(r).id AS from, endNode(r).id AS to, b {.id, .name, .acronym, mission: b:Mission} AS other,
       type(r) AS type, r.kind AS kind, r.on AS on, r.weight AS weight,
       COLLECT { MATCH (c:Claim) WHERE c.id IN r.evidence
                 RETURN c {.id, .text, .chapter, .section, .line, interviews: [(c)-[:CITES]->(i:Interview) | i.id]}
                 ORDER BY c.chapter, coalesce(c.line, 0), c.id } AS claims,
       coalesce(r.literature, []) AS literature
ORDER BY type, other.id, kind, on
