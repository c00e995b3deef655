// One finding of the thesis with the research questions it answers, the codes it is on, the actors it is
// about, and the claims it rests on, inline in the shape of `evidence` (text, quote, section, line, the
// interviews cited with the interviewees' roles, the literature cited), in text order.
// Parameters: $id
// :param {id: 'f-7-2-4'}
MATCH (f:Finding {id: $id})
RETURN f {.*} AS finding,
  [(f)-[:ADDRESSES]->(k:Code) | k {.id, name: k.pref_label}] AS research_questions,
  [(f)-[:ON]->(k:Code) | k {.id, name: k.pref_label}] AS codes,
  [(f)-[:ABOUT]->(a:Actor) | a {.id, .name, .acronym}] AS actors,
  COLLECT { MATCH (f)-[:RESTS_ON]->(c:Claim)
            RETURN c {.id, .chapter, .section, .subsection, .line, .text, .quote,
                      interviews: [(c)-[:CITES]->(i:Interview) | i {.id, .role}],
                      literature: [(c)-[:CITES]->(s:Source) | s {.id, name: coalesce(s.title, s.citation)}]}
            ORDER BY c.chapter, c.line, c.id } AS claims
