// Sets properties the offline importer cannot write (empty lists) on nodes it wrote, found by
// label and id (db.bulk_load, after the import). The label is a parameter (Cypher 5.26 dynamic
// labels) from ingest.graph_rows' allow-list.
// Parameters: $rows = [{label, id, props}].
UNWIND $rows AS row
MATCH (n:$(row.label) {id: row.id})
SET n += row.props
RETURN count(n) AS written
