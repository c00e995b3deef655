// Lists the units of missions (pillars, offices, sections), filtered by mission, kind or leading
// organisation, with who leads each (the organisation, with the locator that says so, and the posts
// that head it) and when (the unit's valid_from / valid_to, where the thesis gives them).
// Parameters: $mission, $kind, $led_by (null = any), $offset, $limit.
// :param {mission: 'unmik', kind: null, led_by: null, offset: 0, limit: 50}
MATCH (u:Unit)
WHERE ($mission IS NULL OR EXISTS { (u)-[:PART_OF]->(:Mission {id: $mission}) })
  AND ($kind IS NULL OR u.kind = $kind)
  AND ($led_by IS NULL OR EXISTS { (:Organisation {id: $led_by})-[:LEADS]->(u) })
WITH u ORDER BY u.id
WITH collect(u) AS found
RETURN size(found) AS total,
       [u IN found[$offset..$offset + $limit] | u {.id, .name, .kind, .valid_from, .valid_to, .note,
         mission: [(u)-[:PART_OF]->(m:Mission) | m.id][0],
         part_of: [(u)-[:PART_OF]->(p:Unit) | p.id][0],
         led_by: [(o:Organisation)-[r:LEADS]->(u) | o {.id, .name, .acronym, source: r.source, section: r.section,
                  line: r.line, quote: r.quote}],
         heads: [(p:Post)-[:LEADS]->(u) | p {.id, .title}]}] AS items
