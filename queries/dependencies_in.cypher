// Who depends on the actor: DEPENDS_ON chains ending at the actor, up to three steps, each step with
// what is depended on, its weight (distinct interviews) and its evidence. Actors are listed from the
// depending actor to $actor. Same filters as dependencies_out.
// Parameters: $actor, $kind ('power', 'resource' or null for both), $depth (1..3).
// :param {actor: 'unsc', kind: null, depth: 1}
MATCH p = (:Actor)-[:DEPENDS_ON*1..3]->(:Actor {id: $actor})
WHERE length(p) <= $depth
  AND none(n IN nodes(p) WHERE n:__STAGED__)
  AND all(r IN relationships(p) WHERE $kind IS NULL OR r.kind = $kind)
  AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
RETURN [n IN nodes(p) | n {.id, .name, .acronym}] AS actors,
       [r IN relationships(p) | r {.kind, .on, .weight, .evidence, .interviews, literature: coalesce(r.literature, []),
                                   from: startNode(r).id, to: endNode(r).id}] AS steps
ORDER BY length(p), [n IN nodes(p) | n.id]
