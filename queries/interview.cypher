// One interview: the interviewee's role, organisation and mission, the claims that cite it, and the
// statements of its role (Appendix 1's, preferred, and each other description in the text).
// Parameters: $id
// :param {id: 'drc-14'}
MATCH (i:Interview {id: $id})
RETURN i {.*} AS interview,
  [(i)-[:AFFILIATED_WITH]->(o:Organisation) | o {.id, .name, .acronym}] AS organisations,
  [(i)-[:CONCERNS]->(m:Mission) | m {.id, .name, .acronym}] AS missions,
  [(c:Claim)-[:CITES]->(i) | c {.id, .section, .subsection, .line, .text}] AS claims,
  [(i)-[:HAS_STATEMENT]->(s:Statement) | s {.*}] AS statements
