// One mission with its territories, leading organisations, predecessors, successors, military
// counterparts, units, posts, figures (sizes, budgets, ceilings) and disputed statements, each with its source.
// A counterpart stated from both sides (UNMiK -> KFOR and KFOR -> UNMiK) is one entry with both
// statements as its evidence. `claims` counts as `/claims?mission=` filters: claims that mention the
// mission or cite an interview about it;
// how many Strength nodes it has, and its top five contributors in the latest month of IPI's counts.
// The top contributors: the latest month first, then only that month's rows aggregated (not every month's,
// sorted and collected); the claims from the mission's own links (not a scan of every claim).
// Parameters: $id
// :param {id: 'monuc'}
MATCH (m:Mission {id: $id})
CALL (m) {
  OPTIONAL MATCH (:Organisation)-[c:CONTRIBUTES]->(m)
  WITH max(c.month) AS latest
  OPTIONAL MATCH (s:Organisation)-[c:CONTRIBUTES]->(m) WHERE c.month = latest
  WITH latest, s, sum(c.count) AS count
  ORDER BY count DESC, s.id
  LIMIT 5
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {month: latest, state: s {.id, .name}, count: count} END)
         AS top_contributors
}
CALL (m) {
  CALL (m) {
    MATCH (c:Claim)-[:MENTIONS]->(m)
    RETURN c
    UNION
    MATCH (c:Claim)-[:CITES]->(:Interview)-[:CONCERNS]->(m)
    RETURN c
  }
  RETURN count(c) AS claims
}
RETURN m {.*} AS mission,
  [(m)-[:DEPLOYED_IN]->(t:Territory) | t {.id, .name, .iso3}] AS territories,
  [(o:Organisation)-[r:LEADS]->(m) | o {.id, .name, .acronym, field: r.field}] AS leads,
  [(p:Mission)-[:SUCCEEDED_BY]->(m) | p {.id, .name, .acronym}] AS predecessors,
  [(m)-[:SUCCEEDED_BY]->(s:Mission) | s {.id, .name, .acronym}] AS successors,
  COLLECT {
    MATCH (m)-[r:MILITARY_COUNTERPART]-(c:Mission)
    WITH c, r ORDER BY startNode(r) = m DESC, r.line
    WITH c, collect(r {.source, .section, .line, .file, .row, .quote, stated_by: startNode(r).id}) AS evidence
    RETURN c {.id, .name, .acronym, evidence: evidence} ORDER BY c.id
  } AS military_counterparts,
  [(m)-[:PART_OF]->(w:Mission) | w {.id, .name, .acronym}] AS part_of,
  [(u:Unit)-[:PART_OF]->(m) | u {.id, .name, .kind}] AS units,
  [(p:Post)-[:POST_IN]->(m) | p {.id, .title}] AS posts,
  [(m)-[:HAS_FIGURE]->(f:Figure) | f {.*}] AS figures,
  [(m)-[:HAS_STATEMENT]->(s:Statement) | s {.*}] AS statements,
  claims,
  COUNT { (m)-[:HAS_STRENGTH]->(:Strength) } AS strength_figures,
  top_contributors
