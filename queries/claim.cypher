// One claim with its interviews (each with the descriptions of its interviewee that differ from
// Appendix 1), codes, mentioned actors, literature source and the relations it evidences.
// Parameters: $id
// :param {id: 'c-5-2-3'}
MATCH (c:Claim {id: $id})
RETURN c {.*} AS claim,
  [(c)-[:CITES]->(i:Interview) | i {.id, .role,
    descriptions: [(i)-[:HAS_STATEMENT]->(s:Statement) WHERE s.field = 'role' | s {.*}]}] AS interviews,
  [(c)-[:CITES]->(s:Source) | s {.id, .citation, .title}] AS literature,
  [(c)-[:CODED_AS]->(k:Code) | k {.id, .pref_label, .kind}] AS codes,
  [(c)-[:MENTIONS]->(a:Actor) | a {.id, .name, .acronym}] AS mentions,
  [(a:Actor)-[r]->(b:Actor) WHERE c.id IN r.evidence |
    {from: a.id, type: type(r), kind: r.kind, on: r.on, to: b.id, weight: r.weight,
     literature: coalesce(r.literature, [])}] AS relations
