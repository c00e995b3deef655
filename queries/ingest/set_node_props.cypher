// Sets properties the offline importer cannot write (empty lists) on nodes it wrote, found by
// label and id (db.bulk_load, after the import). One branch per id label (queries.templates), so
// each row is an id-index seek: a dynamic label in MATCH is not answered from the index in 5.26,
// and at bench scale 100 a batch of 5,000 ran past the transaction timeout.
// Parameters: $rows = [{label, id, props}].
UNWIND $rows AS row
CALL (row) {
  MATCH (n:__LABEL__ {id: row.id}) WHERE row.label = '__LABEL__' RETURN n // each id label, UNION
}
SET n += row.props
RETURN count(n) AS written
