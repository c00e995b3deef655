// The states that supply a mission's personnel in one period, kept apart by basis: IPI's official
// monthly count (CONTRIBUTES, in $month, or in the latest month of $year with any) and Geo-PKO's
// yearly map estimate (DEPLOYED_WITH, in $year or the year of $month), one row per state and basis.
// Each row: the count by personnel type (official) or the estimated size summed over the locations
// with a known size (estimate), with its source, file and rows. The service ranks them.
// Parameters: $mission (a mission id), $month ('YYYY-MM' or null), $year ('YYYY' or null).
// :param {mission: 'monusco', month: '2012-06', year: null}
MATCH (m:Mission {id: $mission})
OPTIONAL MATCH (:Organisation)-[c:CONTRIBUTES]->(m)
WHERE ($month IS NOT NULL AND c.month = $month) OR ($month IS NULL AND c.month STARTS WITH $year)
WITH m, max(c.month) AS chosen
OPTIONAL MATCH (s:Organisation)-[c:CONTRIBUTES {month: chosen}]->(m)
WITH m, chosen, s, collect(c) AS parts
WITH m, chosen, collect(CASE WHEN s IS NULL THEN null ELSE {
  state: s.id, state_name: s.name, period: chosen, basis: head(parts).basis, source: head(parts).source,
  file: head(parts).file, rows: reduce(acc = [], p IN parts | CASE WHEN p.row IN acc THEN acc ELSE acc + p.row END), count: reduce(n = 0, p IN parts | n + p.count),
  types: [p IN parts | {type: p.type, count: p.count, men: p.men, women: p.women}]} END) AS official
CALL {
  WITH m
  MATCH (s:Organisation)-[d:DEPLOYED_WITH]->(m)
  WHERE d.year = toInteger(coalesce($year, left($month, 4)))
  WITH s, collect(d) AS sites
  RETURN collect({state: s.id, state_name: s.name, period: toString(head(sites).year), basis: head(sites).basis,
                  source: head(sites).source, file: head(sites).file,
                  rows: [x IN sites | x.row],
                  count: reduce(n = 0, x IN sites | n + coalesce(x.size, 0)),
                  locations: size(sites), unknown_sizes: size([x IN sites WHERE NOT x.size_known])}) AS estimates
}
RETURN m {.id, .name, .acronym} AS mission, chosen AS month, official, estimates
