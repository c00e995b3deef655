// Replaces the properties of relationships whose content changed.
// Parameters: $rows = [{eid: element id, props (key and digest included)}].
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.eid
SET r = row.props
RETURN count(r) AS written
