// Lists Security Council resolutions in number order, optionally those concerning one mission.
// Parameters: $mission (null = any), $offset, $limit.
// :param {mission: 'monuc', offset: 0, limit: 50}
MATCH (r:Resolution)
WHERE $mission IS NULL OR EXISTS { (r)-[:CONCERNS]->(:Mission {id: $mission}) }
WITH r ORDER BY r.number
WITH collect(r) AS found
RETURN size(found) AS total,
       [r IN found[$offset..$offset + $limit] | r {.id, .number, .year, .date, .action, .summary, .un_digital_library,
         missions: [(r)-[:CONCERNS]->(m:Mission) | m.id]}] AS items
