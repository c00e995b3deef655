// Lists organisations, optionally filtered by kind or parent organisation, paginated.
// Parameters: $kind, $parent (null = any), $offset, $limit.
// :param {kind: 'un-department', parent: null, offset: 0, limit: 50}
MATCH (o:Organisation)
WHERE ($kind IS NULL OR o.kind = $kind)
  AND ($parent IS NULL OR EXISTS { (o)-[:PART_OF]->(:Organisation {id: $parent}) })
WITH o ORDER BY o.id
WITH collect(o) AS found
RETURN size(found) AS total,
       [o IN found[$offset..$offset + $limit] | o {.id, .name, .acronym, .kind}] AS items
