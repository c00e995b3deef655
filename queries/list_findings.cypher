// Lists the thesis's findings (chapter 7's conclusions, each chapter's summary or conclusion), filtered by
// chapter, research question, code, actor or full text, in text order. A research question or a code matches
// the findings linked to it or to any narrower code (BROADER*0..), as /claims does: rq-central matches the
// findings on rq1-rq3. Full text uses the `search_text` index (Lucene syntax); filters combine with AND.
// Parameters: $chapter, $research_question, $code, $actor, $q (each null = any), $offset, $limit.
// :param {chapter: 7, research_question: null, code: null, actor: null, q: null, offset: 0, limit: 20}
CALL (*) {
  WITH $q AS q WHERE q IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_text', q) YIELD node
  WHERE node:Finding
  RETURN node AS f
  UNION
  WITH $q AS q WHERE q IS NULL
  MATCH (f:Finding)
  RETURN f
}
WITH f
WHERE ($chapter IS NULL OR f.chapter = $chapter)
  AND ($research_question IS NULL
       OR EXISTS { (f)-[:ADDRESSES]->(:Code)-[:BROADER*0..]->(:Code {id: $research_question}) })
  AND ($code IS NULL OR EXISTS { (f)-[:ON]->(:Code)-[:BROADER*0..]->(:Code {id: $code}) })
  AND ($actor IS NULL OR EXISTS { (f)-[:ABOUT]->(:Actor {id: $actor}) })
WITH f ORDER BY f.chapter, f.line, f.id
WITH collect(f) AS found
RETURN size(found) AS total,
       [f IN found[$offset..$offset + $limit] | f {.id, .chapter, .section, .line, .last_line, .text, .quote, .basis,
         research_questions: [(f)-[:ADDRESSES]->(k:Code) | k.id],
         codes: [(f)-[:ON]->(k:Code) | k.id],
         actors: [(f)-[:ABOUT]->(a:Actor) | a.id],
         rests_on: [(f)-[:RESTS_ON]->(c:Claim) | c.id]}] AS items
