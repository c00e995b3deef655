// Lists Security Council resolutions in number order, filtered by mission, year (or $from..$to),
// act (a relationship type: ESTABLISHES, EXTENDS, ADJUSTS, TERMINATES), subject (in the UNBIS topics
// or subjects, without case) and $ids (the full-text hits of a topic-line search; null = any).
// A mission filter matches the resolutions that concern it or act on it.
// Parameters: $mission, $year, $from, $to, $act, $subject, $ids, $offset, $limit (null = no filter).
// :param {mission: 'monuc', year: null, from: null, to: null, act: null, subject: null, ids: null, offset: 0, limit: 50}
MATCH (r:Resolution)
WHERE ($mission IS NULL OR EXISTS { (r)-[:CONCERNS|ESTABLISHES|EXTENDS|ADJUSTS|TERMINATES]->(:Mission {id: $mission}) })
  AND ($year IS NULL OR r.year = $year)
  AND ($from IS NULL OR r.year >= $from)
  AND ($to IS NULL OR r.year <= $to)
  AND ($act IS NULL OR EXISTS {
        MATCH (r)-[a:ESTABLISHES|EXTENDS|ADJUSTS|TERMINATES]->(m:Mission)
        WHERE type(a) = $act AND ($mission IS NULL OR m.id = $mission) })
  AND ($subject IS NULL
       OR any(t IN coalesce(r.unbis_topics, []) WHERE toLower(t) CONTAINS toLower($subject))
       OR toLower(coalesce(r.subjects, '')) CONTAINS toLower($subject))
  AND ($ids IS NULL OR r.id IN $ids)
WITH r ORDER BY r.number
WITH collect(r) AS found
RETURN size(found) AS total,
       [r IN found[$offset..$offset + $limit] | r {.id, .number, .year, .date, action: coalesce(r.action, []), .summary, .un_digital_library,
         .symbol, .topic,
         missions: [(r)-[:CONCERNS]->(m:Mission) | m.id],
         acts: [(r)-[a:ESTABLISHES|EXTENDS|ADJUSTS|TERMINATES]->(m:Mission) | toLower(type(a)) + ' ' + m.id]}] AS items
