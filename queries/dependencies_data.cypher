// Resource dependency on the data: a mission depends on the states that supply its personnel
// (IPI's official monthly count, CONTRIBUTES), weighted by each state's share of the mission's
// personnel in the month. For an actor: its own edges as a mission (out) or as a state (in), in
// $month, or in the latest month with data (of $year, or of all) when $month is null.
// Parameters: $actor (an actor id), $month ('YYYY-MM' or null), $year ('YYYY' or null).
// :param {actor: 'monusco', month: null, year: null}
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (a)-[c1:CONTRIBUTES]->(:Mission)
OPTIONAL MATCH (:Organisation)-[c2:CONTRIBUTES]->(a)
WITH a, [x IN collect(DISTINCT c1.month) + collect(DISTINCT c2.month)
         WHERE x IS NOT NULL AND ($year IS NULL OR x STARTS WITH $year)] AS months
WITH a, coalesce($month, reduce(top = null, x IN months | CASE WHEN top IS NULL OR x > top THEN x ELSE top END))
     AS month
MATCH (s:Organisation)-[c:CONTRIBUTES {month: month}]->(m:Mission)
WHERE m = a OR s = a
WITH month, m, s, sum(c.count) AS count, head(collect(c)) AS first
CALL {
  WITH m, month
  MATCH (:Organisation)-[other:CONTRIBUTES {month: month}]->(m)
  RETURN sum(other.count) AS mission_total
}
RETURN month, m {.id, .name, .acronym} AS mission, s {.id, .name, .acronym} AS state, count, mission_total,
       toFloat(count) / mission_total AS share, first.source AS source, first.basis AS basis
ORDER BY share DESC, state.id
