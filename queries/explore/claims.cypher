// The claims browser: claims filtered by code, research question, interview, chapter, actor
// (mentioned) and full text, one page of them in text order, and the facets of the filtered set
// (how many of its claims carry each code, research question, interview, chapter, actor). A
// research question is a code of kind 'research-question' (rq1-rq3): its facet is apart from the others.
// Full text uses the `search_text` index (Lucene syntax); all filters combine with AND.
// Parameters: $code, $research_question, $interview, $chapter, $actor, $q (each null = any), $offset, $limit.
// :param {code: 'power-dependency', research_question: null, interview: null, chapter: null, actor: null, q: null, offset: 0, limit: 20}
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
WHERE ($code IS NULL OR EXISTS { (c)-[:CODED_AS]->(:Code {id: $code}) })
  AND ($research_question IS NULL OR EXISTS { (c)-[:CODED_AS]->(:Code {id: $research_question}) })
  AND ($interview IS NULL OR EXISTS { (c)-[:CITES]->(:Interview {id: $interview}) })
  AND ($actor IS NULL OR EXISTS { (c)-[:MENTIONS]->(:Actor {id: $actor}) })
  AND ($chapter IS NULL OR c.chapter = $chapter)
WITH c ORDER BY c.chapter, coalesce(c.line, 0), c.id
WITH collect(c) AS found
CALL (found) {
  UNWIND found AS c
  MATCH (c)-[:CODED_AS]->(k:Code) WHERE k.kind <> 'research-question'
  WITH k, count(*) AS n ORDER BY n DESC, k.id
  RETURN collect({value: k.id, label: k.pref_label, count: n}) AS codes
}
CALL (found) {
  UNWIND found AS c
  MATCH (c)-[:CODED_AS]->(k:Code {kind: 'research-question'})
  WITH k, count(*) AS n ORDER BY k.id
  RETURN collect({value: k.id, label: k.id + ': ' + k.pref_label, count: n}) AS research_questions
}
CALL (found) {
  UNWIND found AS c
  MATCH (c)-[:CITES]->(i:Interview)
  WITH i, count(*) AS n ORDER BY n DESC, i.id
  RETURN collect({value: i.id, label: i.id + ' (' + i.role + ')', count: n}) AS interviews
}
CALL (found) {
  UNWIND found AS c
  WITH c.chapter AS chapter, count(*) AS n ORDER BY chapter
  RETURN collect({value: toString(chapter), label: 'Chapter ' + chapter, count: n}) AS chapters
}
CALL (found) {
  UNWIND found AS c
  MATCH (c)-[:MENTIONS]->(a:Actor)
  WITH a, count(*) AS n ORDER BY n DESC, a.id
  RETURN collect({value: a.id, label: coalesce(a.acronym, a.name), count: n}) AS actors
}
RETURN size(found) AS total,
       [c IN found[$offset..$offset + $limit] | c {.id, .chapter, .section, .subsection, .line, .text, .quote,
         interviews: [(c)-[:CITES]->(i:Interview) | i.id],
         codes: [(c)-[:CODED_AS]->(k:Code) | k.id],
         mentions: [(c)-[:MENTIONS]->(a:Actor) | a.id]}] AS items,
       codes, research_questions, interviews, chapters, actors
