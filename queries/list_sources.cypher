// Lists the sources (the bibliography: the thesis, the public datasets, the literature it cites) with
// author, year, title and kind, filtered by kind or author (a part of the name, without case), with how
// many claims cite each; in author, year order.
// Parameters: $kind, $author (null = any), $offset, $limit.
// :param {kind: null, author: 'Lipson', offset: 0, limit: 50}
MATCH (s:Source)
WHERE ($kind IS NULL OR s.kind = $kind)
  AND ($author IS NULL OR toLower(coalesce(s.author, '')) CONTAINS toLower($author))
WITH s ORDER BY s.author IS NULL, s.author, s.year, s.id
WITH collect(s) AS found
RETURN size(found) AS total,
       [s IN found[$offset..$offset + $limit] | s {.id, .kind, .author, .year, .title, .publisher, .url, .citation,
         .note, claims: COUNT { (:Claim)-[:CITES]->(s) }}] AS items
