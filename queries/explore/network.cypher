// The actor graph of the network view: every evidenced relation between missions and organisations,
// with its supporting claims and their basis (interviews cited, literature cited). With $mission, only
// claims that mention that mission or cite an interview concerning it count (edges left with none drop
// out), as in `actor_graph`. The relation types are the registry's evidenced ones.
// Parameters: $mission (mission id or null).
// :param {mission: null}
MATCH (a:Actor)-[r:__EVIDENCED_TYPES__]->(b:Actor)
WHERE NOT a:__STAGED__ AND NOT b:__STAGED__  // a staged load's nodes stay out until its swap
WITH a, r, b,
     [cid IN coalesce(r.evidence, []) WHERE $mission IS NULL OR EXISTS {
        MATCH (c:Claim {id: cid})
        WHERE EXISTS { (c)-[:MENTIONS]->(:Mission {id: $mission}) }
           OR EXISTS { (c)-[:CITES]->(:Interview)-[:CONCERNS]->(:Mission {id: $mission}) } }] AS evidence
WHERE size(evidence) > 0
RETURN a {.id, .name, .acronym, mission: a:Mission} AS from, b {.id, .name, .acronym, mission: b:Mission} AS to,
       type(r) AS type, r.kind AS kind, r.on AS on, r.weight AS weight, evidence,
       coalesce(r.interviews, []) AS interviews, coalesce(r.literature, []) AS literature
ORDER BY from.id, type, to.id, kind, on
