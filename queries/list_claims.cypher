// Lists claims, filtered by code, interview, mission, actor (mentioned), chapter or full text, in text order.
// Full text uses the `search_text` index (Lucene syntax); all filters combine with AND.
// Parameters: $code, $interview, $mission, $actor, $chapter, $q (each null = any), $offset, $limit.
// :param {code: 'power-dependency', interview: null, mission: 'unmik', actor: null, chapter: null, q: null, offset: 0, limit: 20}
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
  AND ($interview IS NULL OR EXISTS { (c)-[:CITES]->(:Interview {id: $interview}) })
  AND ($mission IS NULL OR EXISTS { (c)-[:MENTIONS]->(:Mission {id: $mission}) }
       OR EXISTS { (c)-[:CITES]->(:Interview)-[:CONCERNS]->(:Mission {id: $mission}) })
  AND ($actor IS NULL OR EXISTS { (c)-[:MENTIONS]->(:Actor {id: $actor}) })
  AND ($chapter IS NULL OR c.chapter = $chapter)
WITH c ORDER BY c.chapter, coalesce(c.line, 0), c.id
WITH collect(c) AS found
RETURN size(found) AS total,
       [c IN found[$offset..$offset + $limit] | c {.id, .chapter, .section, .subsection, .line, .text, .quote,
         .research_question,
         interviews: [(c)-[:CITES]->(i:Interview) | i.id],
         codes: [(c)-[:CODED_AS]->(k:Code) | k.id],
         mentions: [(c)-[:MENTIONS]->(a:Actor) | a.id]}] AS items
