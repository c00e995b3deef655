// Lists the anonymised interviews, optionally of one case (drc or kosovo), with how many claims cite each.
// Parameters: $case (null = both), $offset, $limit.
// :param {case: 'kosovo', offset: 0, limit: 50}
MATCH (i:Interview)
WHERE $case IS NULL OR i.case = $case
WITH i ORDER BY i.case, i.number
WITH collect(i) AS found
RETURN size(found) AS total,
       [i IN found[$offset..$offset + $limit] | i {.id, .case, .number, .role, .un_staff,
         organisation: [(i)-[:AFFILIATED_WITH]->(o) WHERE NOT o:__STAGED__ | o.id][0],
         mission: [(i)-[:CONCERNS]->(m) WHERE NOT m:__STAGED__ | m.id][0],
         claims: COUNT { (:Claim)-[:CITES]->(i) }}] AS items
