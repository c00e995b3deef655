// Whether the database holds any node: an empty one may be loaded by the offline importer
// (db.bulk_load). Answered from the count store.
MATCH (n) RETURN count(n) > 0 AS has_nodes
