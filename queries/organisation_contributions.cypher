// A state's personnel contributions over time, kept apart by basis: IPI's official monthly count
// (CONTRIBUTES: one row per mission and month, its types) and Geo-PKO's yearly map estimate
// (DEPLOYED_WITH: one row per mission and year, summed over locations with a known size).
// Parameters: $id (an organisation id).
// :param {id: 'pak'}
MATCH (s:Organisation {id: $id})
CALL {
  WITH s
  MATCH (s)-[c:CONTRIBUTES]->(m:Mission)
  WITH m, c.month AS month, collect(c) AS parts
  RETURN collect({mission: m.id, mission_name: m.name, mission_acronym: m.acronym, period: month,
                  basis: head(parts).basis, source: head(parts).source, file: head(parts).file,
                  rows: reduce(acc = [], p IN parts | CASE WHEN p.row IN acc THEN acc ELSE acc + p.row END),
                  count: reduce(n = 0, p IN parts | n + p.count),
                  types: [p IN parts | {type: p.type, count: p.count, men: p.men, women: p.women}]}) AS official
}
CALL {
  WITH s
  MATCH (s)-[d:DEPLOYED_WITH]->(m:Mission)
  WITH m, d.year AS year, collect(d) AS sites
  RETURN collect({mission: m.id, mission_name: m.name, mission_acronym: m.acronym, period: toString(year),
                  basis: head(sites).basis, source: head(sites).source, file: head(sites).file,
                  rows: [x IN sites | x.row], count: reduce(n = 0, x IN sites | n + coalesce(x.size, 0)),
                  locations: size(sites), unknown_sizes: size([x IN sites WHERE NOT x.size_known])}) AS estimates
}
RETURN s {.id, .name, .acronym} AS organisation, official, estimates
