// Sets properties the offline importer cannot write (empty lists) on relationships it wrote,
// found by type, ends and key (db.bulk_load, after the import). The ends are found by one branch
// per id label (queries.templates), an id-index seek each (a dynamic label in MATCH is not answered
// from the index in 5.26); the type is a parameter from ingest.graph_rows' allow-list.
// Parameters: $rows = [{type, start, from, end, to, key, props}].
UNWIND $rows AS row
CALL (row) {
  MATCH (a:__LABEL__ {id: row.from}) WHERE row.start = '__LABEL__' RETURN a // each id label, UNION
}
CALL (row, a) {
  MATCH (a)-[r:$(row.type) {key: row.key}]->(b) WHERE b.id = row.to AND row.end IN labels(b) RETURN r
}
SET r += row.props
RETURN count(r) AS written
