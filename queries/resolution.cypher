// One resolution by number: what it did, the missions it concerns and acts on, the mandates it set,
// its statements (every date witness among them), and the Council members of its year.
// Parameters: $number
// :param {number: 1279}
MATCH (r:Resolution {number: $number})
RETURN r {.*} AS resolution,
  [(r)-[:CONCERNS]->(m:Mission) | m {.id, .name, .acronym}] AS missions,
  [(r)-[:SETS]->(d:Mandate) | d {.id, mission: [(d)-[:MANDATE_OF]->(m) WHERE NOT m:__STAGED__ | m.id][0]}] AS mandates,
  [(r)-[:HAS_STATEMENT]->(s:Statement) | s {.*}] AS statements,
  [(r)-[a:ESTABLISHES|EXTENDS|ADJUSTS|TERMINATES]->(m:Mission) |
     {act: toLower(type(a)), mission: m.id, name: m.name, acronym: m.acronym, source: a.source, file: a.file,
      key: a.key, row: a.row, quote: a.quote}] AS acts,
  [(s:Organisation)-[h:HELD_SEAT]->(:Organisation {id: 'unsc'}) WHERE h.year = r.year |
     {id: s.id, name: s.name, permanent: h.permanent}] AS council
