// Lists figures (sizes, budgets, ceilings) of missions and mandates, filtered by mission (its own figures
// and its mandates'), measure and year (of the date the figure refers to), in mission, date order.
// Parameters: $mission, $measure, $year (null = any), $offset, $limit.
// :param {mission: 'monuc', measure: 'troop-ceiling', year: null, offset: 0, limit: 50}
MATCH (owner)-[:HAS_FIGURE]->(f:Figure)
WITH owner, f, coalesce([(owner)-[:MANDATE_OF]->(m:Mission) | m.id][0], owner.id) AS mission
WHERE ($mission IS NULL OR mission = $mission)
  AND ($measure IS NULL OR f.measure = $measure)
  AND ($year IS NULL OR left(toString(f.refers_to), 4) = toString($year))
WITH f, mission ORDER BY mission, toString(f.refers_to), f.measure, f.id
WITH collect(f) AS found
RETURN size(found) AS total,
       [f IN found[$offset..$offset + $limit] | f {.*, refers_to: toString(f.refers_to),
         owner: [(o)-[:HAS_FIGURE]->(f) | o.id][0], owner_type: [(o)-[:HAS_FIGURE]->(f) | labels(o)[0]][0],
         mission: [(o)-[:HAS_FIGURE]->(f) | coalesce([(o)-[:MANDATE_OF]->(m:Mission) | m.id][0], o.id)][0]}] AS items
