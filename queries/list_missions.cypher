// Lists missions, optionally filtered by kind, territory, lead organisation or active flag, paginated.
// Parameters: $kind, $territory, $lead, $active (null = any), $offset, $limit.
// :param {kind: 'integrated-mission', territory: null, lead: null, active: null, offset: 0, limit: 50}
MATCH (m:Mission)
WHERE ($kind IS NULL OR m.kind = $kind)
  AND ($active IS NULL OR m.active = $active)
  AND ($territory IS NULL OR EXISTS { (m)-[:DEPLOYED_IN]->(:Territory {id: $territory}) })
  AND ($lead IS NULL OR EXISTS { (:Organisation {id: $lead})-[:LEADS]->(m) })
WITH m ORDER BY m.id
WITH collect(m) AS found
RETURN size(found) AS total,
       [m IN found[$offset..$offset + $limit] | m {.id, .name, .acronym, .kind, .start, .end, .active, .hq}] AS items
