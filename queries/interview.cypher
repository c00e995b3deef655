// One interview: the interviewee's role, organisation and mission, and the claims that cite it.
// Parameters: $id
// :param {id: 'drc-14'}
MATCH (i:Interview {id: $id})
RETURN i {.*} AS interview,
  [(i)-[:AFFILIATED_WITH]->(o:Organisation) | o {.id, .name, .acronym}] AS organisations,
  [(i)-[:CONCERNS]->(m:Mission) | m {.id, .name, .acronym}] AS missions,
  [(c:Claim)-[:CITES]->(i) | c {.id, .section, .subsection, .line, .text}] AS claims
