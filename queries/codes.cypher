// The analytical framework's concepts with their broader concept and the number of claims coded with each.
// Parameters: none
MATCH (k:Code)
RETURN k {.id, .pref_label, .kind, .definition,
  broader: [(k)-[:BROADER]->(b:Code) | b.id][0],
  claims: COUNT { (:Claim)-[:CODED_AS]->(k) }} AS code
ORDER BY code.kind, code.id
