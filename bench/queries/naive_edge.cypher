// The naive baseline of bench/ingest_bench.py: one relationship per transaction, MERGE on its key.
// __TYPE__, __FROM__ and __TO__ are filled in from the allow-lists (ingest.loader.checked_*).
// Parameters: $rows = [{from, to, key, props}] (one row).
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.from})
MATCH (b:__TO__ {id: row.to})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
SET r = row.props, r.key = row.key
