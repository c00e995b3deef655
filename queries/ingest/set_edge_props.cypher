// Sets properties the offline importer cannot write (empty lists) on relationships it wrote,
// found by type, ends and key (db.bulk_load, after the import). Labels and type are parameters
// (Cypher 5.26 dynamic labels and types) from ingest.graph_rows' allow-list.
// Parameters: $rows = [{type, start, from, end, to, key, props}].
UNWIND $rows AS row
MATCH (a:$(row.start) {id: row.from})-[r:$(row.type) {key: row.key}]->(b:$(row.end) {id: row.to})
SET r += row.props
RETURN count(r) AS written
