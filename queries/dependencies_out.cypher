// Who the actor depends on: DEPENDS_ON chains from the actor, up to three steps (e.g. UNMIK -> Security
// Council -> ...), each step with what is depended on, its weight (distinct interviews) and its evidence.
// Paths longer than $depth, paths that visit an actor twice and steps of another kind than $kind are left out.
// Parameters: $actor, $kind ('power', 'resource' or null for both), $depth (1..3).
// :param {actor: 'unmik', kind: 'power', depth: 2}
MATCH p = (:Actor {id: $actor})-[:DEPENDS_ON*1..3]->(:Actor)
WHERE length(p) <= $depth
  AND none(n IN nodes(p) WHERE n:__STAGED__)
  AND all(r IN relationships(p) WHERE $kind IS NULL OR r.kind = $kind)
  AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
RETURN [n IN nodes(p) | n {.id, .name, .acronym}] AS actors,
       [r IN relationships(p) | r {.kind, .on, .weight, .evidence, .interviews, literature: coalesce(r.literature, []),
                                   from: startNode(r).id, to: endNode(r).id}] AS steps
ORDER BY length(p), [n IN nodes(p) | n.id]
