// Lists posts in missions (SRSG, DSRSG, Force Commander, unit heads), filtered by mission or by the unit
// the post heads or sits in, with the posts the same person holds beside it.
// Parameters: $mission, $unit (null = any), $offset, $limit.
// :param {mission: 'unmik', unit: null, offset: 0, limit: 50}
MATCH (p:Post)
WHERE ($mission IS NULL OR EXISTS { (p)-[:POST_IN]->(:Mission {id: $mission}) })
  AND ($unit IS NULL OR EXISTS { (p)-[:LEADS|POST_IN]->(:Unit {id: $unit}) })
WITH p ORDER BY p.id
WITH collect(p) AS found
RETURN size(found) AS total,
       [p IN found[$offset..$offset + $limit] | p {.id, .title, .note, .source, .section, .line, .quote,
         mission: [(p)-[:POST_IN]->(m:Mission) | m.id][0],
         heads: [(p)-[:LEADS]->(u:Unit) | u.id][0],
         in_unit: [(p)-[:POST_IN]->(u:Unit) | u.id][0],
         held_with: [(p)-[:HELD_WITH]-(o:Post) | o.id]}] AS items
