// The naive baseline of bench/ingest_bench.py: one node per transaction, MERGE on its id.
// __LABELS__ is filled in from the allow-list (ingest.loader.checked_labels).
// Parameters: $rows = [{id, props}] (one row).
UNWIND $rows AS row
MERGE (n:__LABELS__ {id: row.id})
SET n = row.props, n.id = row.id
