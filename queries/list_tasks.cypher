// Lists mandate tasks: the project's task scheme, or a public source's own (PEMA, TAMM) with $scheme,
// filtered by a mission whose mandates include them, with how many mandates include each.
// Parameters: $scheme ('project' for the project's own, 'pema', 'tamm' or null = all), $mission, $offset, $limit.
// :param {scheme: 'project', mission: null, offset: 0, limit: 50}
MATCH (t:Task)
WHERE ($scheme IS NULL OR coalesce(t.scheme, 'project') = $scheme)
  AND ($mission IS NULL OR EXISTS { (:Mission {id: $mission})<-[:MANDATE_OF]-(:Mandate)-[:INCLUDES]->(t) })
WITH t ORDER BY coalesce(t.scheme, ''), t.id
WITH collect(t) AS found
RETURN size(found) AS total,
       [t IN found[$offset..$offset + $limit] | t {.id, .pref_label, .scheme, .definition,
         alt_labels: coalesce(t.alt_labels, []),
         broader: [(t)-[:BROADER]->(b:Task) | b.id],
         mandates: COUNT { (:Mandate)-[:INCLUDES]->(t) }}] AS items
