// One resolution by number: what it did, the missions it concerns, the mandates it set, its statements.
// Parameters: $number
// :param {number: 1244}
MATCH (r:Resolution {number: $number})
RETURN r {.*} AS resolution,
  [(r)-[:CONCERNS]->(m:Mission) | m {.id, .name, .acronym}] AS missions,
  [(r)-[:SETS]->(d:Mandate) | d {.id, mission: [(d)-[:MANDATE_OF]->(m) | m.id][0]}] AS mandates,
  [(r)-[:HAS_STATEMENT]->(s:Statement) | s {.*}] AS statements
