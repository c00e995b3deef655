// Lists statements: each source's value for one field of one record, kept where sources give a value
// (the disputed ones where they differ), with the preferred flag and the reason. Filters: the record
// ($of), its kind ($of_type, a label), the field, preferred, and $disputed (only fields of a record
// with more than one value). In record, field order.
// Parameters: $of, $of_type, $field, $preferred, $disputed (null = any), $offset, $limit.
// :param {of: 'monuc', of_type: null, field: 'start', preferred: null, disputed: null, offset: 0, limit: 50}
MATCH (owner)-[:HAS_STATEMENT]->(s:Statement)
WHERE ($of IS NULL OR owner.id = $of)
  AND ($of_type IS NULL OR $of_type IN labels(owner))
  AND ($field IS NULL OR s.field = $field)
  AND ($preferred IS NULL OR coalesce(s.preferred, false) = $preferred)
WITH owner, s, COUNT { (owner)-[:HAS_STATEMENT]->(o:Statement) WHERE o.field = s.field } AS values
WHERE $disputed IS NULL OR (values > 1) = $disputed
WITH s, values ORDER BY owner.id, s.field, s.id
WITH collect({s: s, values: values}) AS found
// One row even for a page past the end (an empty page with its total), never none.
WITH found, found[$offset..$offset + $limit] AS page
UNWIND (CASE WHEN page = [] THEN [null] ELSE page END) AS x
WITH size(found) AS total, x.s AS s, x.values AS values
WITH total, collect(s {.*, value: CASE WHEN s.value IS :: DATE THEN toString(s.value) ELSE s.value END,
       of: [(o)-[:HAS_STATEMENT]->(s) | o.id][0], of_type: [(o)-[:HAS_STATEMENT]->(s) | labels(o)[0]][0],
       values: values}) AS items
RETURN total, items
