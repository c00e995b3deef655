// The analytical framework's concepts with their broader concept, the number of claims coded with each, and
// the literature the thesis says each comes from (author, year, citation, and the thesis line that cites it).
// Parameters: none
MATCH (k:Code)
RETURN k {.id, .pref_label, .kind, .definition,
  broader: [(k)-[:BROADER]->(b:Code) | b.id][0],
  claims: COUNT { (:Claim)-[:CODED_AS]->(k) },
  literature: COLLECT { MATCH (k)-[:ADAPTED_FROM]->(s:Source)
                        RETURN s {.id, .author, .year, .citation, section: s.cited_in_section, line: s.cited_in_line}
                        ORDER BY s.year, s.id }} AS code
ORDER BY code.kind, code.id
