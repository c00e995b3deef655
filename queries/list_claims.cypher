// Lists claims, filtered by code, research question, interview, mission, actor (mentioned), chapter, section,
// subsection or full text, in text order. A code (or research question) matches the claims coded with it or
// with any narrower code (BROADER*0..). Full text uses the `search_text` index (Lucene syntax); all filters
// combine with AND. `research_question` is the code the claim's coding names as its research question.
// Parameters: $code, $research_question, $interview, $mission, $actor, $chapter, $section, $subsection, $q
// (each null = any), $offset, $limit.
// :param {code: 'power-dependency', research_question: null, interview: null, mission: 'unmik', actor: null, chapter: null, section: null, subsection: null, q: null, offset: 0, limit: 20}
CALL (*) {
  WITH $q AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_text', q) YIELD node
  WHERE node:Claim
  RETURN node AS c
  UNION
  WITH $q AS q WHERE q IS NULL
  MATCH (c:Claim)
  RETURN c
}
WITH c
WHERE ($code IS NULL OR EXISTS { (c)-[:CODED_AS]->(:Code)-[:BROADER*0..]->(:Code {id: $code}) })
  AND ($research_question IS NULL OR EXISTS {
        MATCH (c)-[r:CODED_AS]->(:Code)-[:BROADER*0..]->(:Code {id: $research_question})
        WHERE r.field = 'research_question' })
  AND ($interview IS NULL OR EXISTS { (c)-[:CITES]->(:Interview {id: $interview}) })
  AND ($mission IS NULL OR EXISTS { (c)-[:MENTIONS]->(:Mission {id: $mission}) }
       OR EXISTS { (c)-[:CITES]->(:Interview)-[:CONCERNS]->(:Mission {id: $mission}) })
  AND ($actor IS NULL OR EXISTS { (c)-[:MENTIONS]->(:Actor {id: $actor}) })
  AND ($chapter IS NULL OR c.chapter = $chapter)
  AND ($section IS NULL OR c.section = $section OR c.section STARTS WITH $section + '.')
  AND ($subsection IS NULL OR c.subsection = $subsection)
WITH c ORDER BY c.chapter, coalesce(c.line, 0), c.id
WITH collect(c) AS found
RETURN size(found) AS total,
       [c IN found[$offset..$offset + $limit] | c {.id, .chapter, .section, .subsection, .line, .text, .quote,
         research_question: [(c)-[r:CODED_AS]->(k:Code) WHERE r.field = 'research_question' | k.id][0],
         interviews: [(c)-[:CITES]->(i:Interview) | i.id],
         interviewees: [(c)-[:CITES]->(i:Interview) | i {.id, .role, described_otherwise: COLLECT { MATCH (i)-[:HAS_STATEMENT]->(s:Statement)
          WHERE s.field = 'role' AND NOT coalesce(s.preferred, false) RETURN s {.*} ORDER BY s.line }}],
         codes: [(c)-[:CODED_AS]->(k:Code) | k.id],
         mentions: [(c)-[:MENTIONS]->(a:Actor) | a.id]}] AS items
