// The mandates of a mission and of the missions before and after it (SUCCEEDED_BY, both ways, e.g.
// MONUC -> MONUSCO): each with its resolution, its tasks, its figures (ceilings) and the mandate it
// follows (PRECEDES), each with its source and locator. The service orders them along PRECEDES.
// These are the curated mandates (the thesis's view); a public source's mandates (`coding` set)
// are mandate_evolution_sources'.
// Parameters: $id (a mission id).
// :param {id: 'monusco'}
MATCH (m:Mission {id: $id})
OPTIONAL MATCH chain = (m)-[:SUCCEEDED_BY*1..10]-(other:Mission)
WHERE none(n IN nodes(chain) WHERE n:__STAGED__)
WITH m, collect(DISTINCT other) AS others
UNWIND [m] + others AS mission
MATCH (d:Mandate)-[:MANDATE_OF]->(mission)
WHERE d.coding IS NULL
OPTIONAL MATCH (res:Resolution)-[:SETS]->(d)
RETURN d {.id, .source, .section, .line, .page, .quote} AS mandate,
       mission {.id, .name, .acronym} AS mission,
       // A resolution from a source that codes no action has none, not null.
       res {.id, .number, .year, .date, action: coalesce(res.action, []), .summary, .un_digital_library,
            .source, .section, .line,
            missions: [(res)-[:CONCERNS]->(x:Mission) | x.id]} AS resolution,
       [(p:Mandate)-[:PRECEDES]->(d) | p.id][0] AS previous,
       [(d)-[i:INCLUDES]->(t:Task) | t {.id, .pref_label, source: i.source, section: i.section, line: i.line,
                                         quote: i.quote}] AS tasks,
       [(d)-[:HAS_FIGURE]->(f:Figure) | f {.id, .measure, .value, .refers_to, .description, .source, .section,
                                            .line, .quote}] AS figures
