// The findings browser: the thesis's findings filtered as /findings filters them (chapter, research
// question, code, actor, full text; a research question or code matches the findings linked to it or to a
// narrower code) and by a claim they rest on, one page of them in text order, and the facets of the
// filtered set (how many of its findings are in each chapter, answer each research question, are on each
// code, are about each actor; counted on the direct links).
// Parameters: $chapter, $research_question, $code, $actor, $claim, $q (each null = any), $offset, $limit.
// :param {chapter: null, research_question: 'rq1', code: null, actor: null, claim: null, q: null, offset: 0, limit: 20}
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
  AND ($claim IS NULL OR EXISTS { (f)-[:RESTS_ON]->(:Claim {id: $claim}) })
WITH f ORDER BY f.chapter, f.line, f.id
WITH collect(f) AS found
CALL (found) {
  UNWIND found AS f
  WITH f.chapter AS chapter, count(*) AS n ORDER BY chapter
  RETURN collect({value: toString(chapter), label: 'Chapter ' + chapter, count: n}) AS chapters
}
CALL (found) {
  UNWIND found AS f
  MATCH (f)-[:ADDRESSES]->(k:Code)
  WITH k, count(*) AS n ORDER BY k.id
  RETURN collect({value: k.id, label: k.id + ': ' + k.pref_label, count: n}) AS research_questions
}
CALL (found) {
  UNWIND found AS f
  MATCH (f)-[:ON]->(k:Code)
  WITH k, count(*) AS n ORDER BY n DESC, k.id
  RETURN collect({value: k.id, label: k.pref_label, count: n}) AS codes
}
CALL (found) {
  UNWIND found AS f
  MATCH (f)-[:ABOUT]->(a:Actor)
  WITH a, count(*) AS n ORDER BY n DESC, a.id
  RETURN collect({value: a.id, label: coalesce(a.acronym, a.name), count: n}) AS actors
}
RETURN size(found) AS total,
       [f IN found[$offset..$offset + $limit] | f {.id, .chapter, .section, .line, .last_line, .text, .quote,
         research_questions: [(f)-[:ADDRESSES]->(k:Code) | k.id],
         codes: [(f)-[:ON]->(k:Code) | k.id],
         actors: [(f)-[:ABOUT]->(a:Actor) | a {.id, .acronym, .name}],
         claims: COUNT { (f)-[:RESTS_ON]->(:Claim) }}] AS items,
       chapters, research_questions, codes, actors
