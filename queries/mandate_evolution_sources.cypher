// A public source's mandates (PEMA, TAMM: `coding` set) of a mission and of the missions before and
// after it (SUCCEEDED_BY, both ways): each with its instrument, date, the resolutions that SET it,
// its tasks in the source's own scheme (modality, paragraph and cell as locator) with their SKOS
// mappings into the project's scheme, and every act any source states of those resolutions on the
// mission. The service orders them and applies each source's carry-forward rule.
// The acts on each mission are read once, then filtered per mandate (not expanded again per mandate).
// Parameters: $id (a mission id).
// :param {id: 'minusma'}
MATCH (m:Mission {id: $id})
OPTIONAL MATCH chain = (m)-[:SUCCEEDED_BY*1..10]-(other:Mission)
WHERE none(n IN nodes(chain) WHERE n:__STAGED__)
WITH m, collect(DISTINCT other) AS others
UNWIND [m] + others AS mission
WITH mission,
     [(res:Resolution)-[a:ESTABLISHES|EXTENDS|ADJUSTS|TERMINATES]->(mission)
      | {act: type(a), resolution: res.number, source: a.source, file: a.file, row: a.row, key: a.key,
         column: a.column, evidence: a.evidence}] AS mission_acts
MATCH (d:Mandate)-[:MANDATE_OF]->(mission)
WHERE d.coding IS NOT NULL
RETURN d {.id, .coding, .instrument, .instrument_kind, .resolution_numbers, .date, .chapter_vii, .source, .file,
          .row, .note} AS mandate,
       mission {.id, .name, .acronym} AS mission,
       [(res:Resolution)-[:SETS]->(d) | res {.id, .number, .year, .date}] AS resolutions,
       [(d)-[i:INCLUDES]->(t:Task) | {code: t.id, label: t.pref_label, modality: i.modality,
                                      paragraph: i.paragraph, source: i.source, file: i.file, row: i.row,
                                      column: i.column,
                                      project: [(t)-[x:EXACT_MATCH|CLOSE_MATCH|BROAD_MATCH|NARROW_MATCH]->(p:Task)
                                                | {task: p.id, match: type(x), reason: x.reason}]}] AS tasks,
       [x IN mission_acts WHERE x.resolution IN coalesce(d.resolution_numbers, [])] AS acts
