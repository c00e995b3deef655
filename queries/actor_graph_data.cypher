// The data-basis actor graph of one month: mission -> state edges, weighted by the state's share of
// the mission's personnel (IPI's official monthly count, CONTRIBUTES); $month, or the latest month
// with data (of $year, or of all) when null.
// Parameters: $month ('YYYY-MM' or null), $year ('YYYY' or null).
// :param {month: null, year: '2012'}
CALL {
  MATCH ()-[c:CONTRIBUTES]->()
  WHERE $month IS NULL AND ($year IS NULL OR c.month STARTS WITH $year)
  RETURN max(c.month) AS latest
}
WITH coalesce($month, latest) AS month
MATCH (s:Organisation)-[c:CONTRIBUTES {month: month}]->(m:Mission)
WITH month, m, s, sum(c.count) AS count
WITH month, m, collect({state: s, count: count}) AS states, sum(count) AS mission_total
UNWIND states AS x
RETURN month, m.id AS from, m.name AS from_name, x.state.id AS to, x.state.name AS to_name,
       toFloat(x.count) / mission_total AS share
