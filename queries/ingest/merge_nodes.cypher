// Upserts one batch of nodes of one label; properties are replaced, so a removed field disappears.
// __LABELS__ is filled in from ingest.graph_rows.NODE_LABELS (an allow-list), never from input.
// Parameters: $rows = [{id, props}], $load = the dataset version stamped on everything written.
UNWIND $rows AS row
MERGE (n:__LABELS__ {id: row.id})
SET n = row.props, n.id = row.id, n.load = $load
RETURN count(n) AS written
