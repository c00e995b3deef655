// One claim with its interviews (the interviewees' roles, and how the text describes them otherwise
// than Appendix 1), its research question (the code its
// coding names as such), codes, mentioned actors, literature source and the relations it evidences.
// Parameters: $id
// :param {id: 'c-5-2-3'}
MATCH (c:Claim {id: $id})
RETURN c {.*} AS claim,
  [(c)-[r:CODED_AS]->(k:Code) WHERE r.field = 'research_question' | k.id][0] AS research_question,
  [(c)-[:CITES]->(i:Interview) | i {.id, .role, described_otherwise: COLLECT { MATCH (i)-[:HAS_STATEMENT]->(s:Statement)
      WHERE s.field = 'role' AND NOT coalesce(s.preferred, false) RETURN s {.*} ORDER BY s.line }}] AS interviews,
  [(c)-[:CITES]->(s:Source) | s {.id, .citation, .title}] AS literature,
  [(c)-[:CODED_AS]->(k:Code) | k {.id, .pref_label, .kind}] AS codes,
  [(c)-[:MENTIONS]->(a:Actor) | a {.id, .name, .acronym}] AS mentions,
  [(a:Actor)-[r]->(b:Actor) WHERE c.id IN r.evidence |
    {from: a.id, type: type(r), kind: r.kind, on: r.on, to: b.id, weight: r.weight,
     literature: coalesce(r.literature, [])}] AS relations
