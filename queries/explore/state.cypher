// A state for the reader: its ISO code, its Security Council seats (un-psdata-scmembership, HELD_SEAT)
// and, per mission, the span and peak of its official personnel counts (IPI, CONTRIBUTES) and the
// years of Geo-PKO's estimates (DEPLOYED_WITH).
// Parameters: $id (an organisation id).
// :param {id: 'pak'}
MATCH (s:Organisation {id: $id})
RETURN s {.iso3, .historic} AS state,
       COLLECT { MATCH (s)-[h:HELD_SEAT]->(:Organisation)
                 RETURN h {.year, .permanent, .source, .file, .row} ORDER BY h.year } AS seats,
       COLLECT { MATCH (s)-[c:CONTRIBUTES]->(m:Mission)
                 WITH m, c.month AS month, sum(c.count) AS count
                 WITH m, min(month) AS first, max(month) AS last, max(count) AS peak, count(month) AS months
                 RETURN {mission: m {.id, .name, .acronym}, first: first, last: last, peak: peak, months: months}
                 ORDER BY first } AS official,
       COLLECT { MATCH (s)-[d:DEPLOYED_WITH]->(m:Mission)
                 WITH m, collect(DISTINCT d.year) AS years
                 RETURN {mission: m {.id, .name, .acronym}, years: years} ORDER BY years[0] } AS estimates
