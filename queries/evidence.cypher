// The claims behind an answer (`expand=evidence`): each claim's text, verbatim quote, chapter, section,
// subsection and line, the interviews it cites with the interviewees' roles (and other descriptions), and its literature sources.
// Parameters: $ids (claim ids).
// :param {ids: ['c-5-2-3', 'c-5-2-4']}
MATCH (c:Claim) WHERE c.id IN $ids
RETURN c {.id, .chapter, .section, .subsection, .line, .text, .quote,
          interviews: [(c)-[:CITES]->(i:Interview) | i {.id, .role, described_otherwise: COLLECT { MATCH (i)-[:HAS_STATEMENT]->(s:Statement)
          WHERE s.field = 'role' AND NOT coalesce(s.preferred, false) RETURN s {.*} ORDER BY s.line }}],
          literature: [(c)-[:CITES]->(s:Source) | s {.id, name: coalesce(s.title, s.citation)}]} AS claim
