// Replaces the properties and the FROM_SOURCE relationship of nodes whose content changed.
// Properties are replaced, so a field removed from the files disappears.
// Parameters: $rows = [{eid: element id, props (id and digest included), source: provenance map or null}].
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.eid
SET n = row.props
WITH n, row
CALL (n) {
  MATCH (n)-[old:FROM_SOURCE]->()
  DELETE old
}
WITH n, row
OPTIONAL MATCH (s:Source {id: row.source.source})
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END |
  CREATE (n)-[f:FROM_SOURCE]->(s)
  SET f = row.source)
RETURN count(n) AS written, count(s) AS sourced
