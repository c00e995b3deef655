// A source for the reader: its bibliographic fields, and the claims that cite it (literature claims).
// Parameters: $id (a source id).
// :param {id: 'lit-autesserre-2010'}
MATCH (s:Source {id: $id})
RETURN s {.*} AS source,
       COLLECT { MATCH (c:Claim)-[:CITES]->(s)
                 RETURN c {.id, .text, .quote, .chapter, .section, .line,
                           interviews: [(c)-[:CITES]->(i:Interview) | i.id], codes: [(c)-[:CODED_AS]->(k:Code) | k.id]}
                 ORDER BY c.chapter, coalesce(c.line, 0), c.id } AS claims
