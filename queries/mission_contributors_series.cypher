// A mission's contributors over time, each basis apart and never summed across them: the $top states
// with the most personnel-months in IPI's official monthly counts (CONTRIBUTES), each with its count
// per month, and the monthly total of every state; the $top states with the largest Geo-PKO yearly
// map estimates (DEPLOYED_WITH, summed over the locations with a known size), each per year. With
// every (basis, source, file) the series are read from, for the page to cite.
// Parameters: $mission (a mission id), $top (how many states per basis, largest first).
// :param {mission: 'monusco', top: 8}
MATCH (m:Mission {id: $mission})
CALL {
  WITH m
  OPTIONAL MATCH (:Organisation)-[c:CONTRIBUTES]->(m)
  WITH c.month AS month, sum(c.count) AS count, collect(DISTINCT {basis: c.basis, source: c.source, file: c.file}) AS used
  WHERE month IS NOT NULL
  ORDER BY month
  WITH collect({month: month, count: count}) AS totals, collect(used) AS used
  RETURN totals, reduce(acc = [], u IN used | acc + [x IN u WHERE NOT x IN acc]) AS official_sources
}
CALL {
  WITH m
  OPTIONAL MATCH (s:Organisation)-[c:CONTRIBUTES]->(m)
  WITH s, c.month AS month, sum(c.count) AS count
  WHERE s IS NOT NULL
  ORDER BY month
  WITH s, collect({period: month, count: count}) AS points, sum(count) AS total
  ORDER BY total DESC, s.id
  LIMIT $top
  RETURN collect({state: s.id, state_name: s.name, total: total, points: points}) AS official
}
CALL {
  WITH m
  OPTIONAL MATCH (s:Organisation)-[d:DEPLOYED_WITH]->(m)
  WITH s, d.year AS year, reduce(n = 0, x IN collect(d) | n + coalesce(x.size, 0)) AS count,
       collect(DISTINCT {basis: d.basis, source: d.source, file: d.file}) AS used
  WHERE s IS NOT NULL
  ORDER BY year
  WITH s, collect({period: toString(year), count: count}) AS points, sum(count) AS total, collect(used) AS used
  ORDER BY total DESC, s.id
  LIMIT $top
  RETURN collect({state: s.id, state_name: s.name, total: total, points: points}) AS estimates,
         reduce(acc = [], u IN collect(used) | acc + reduce(a = [], v IN u | a + v)) AS estimate_used
}
RETURN m {.id, .name, .acronym} AS mission, totals, official, official_sources, estimates,
       reduce(acc = [], x IN estimate_used | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS estimate_sources
