// Upserts one batch of relationships of one type between two labels.
// __TYPE__, __FROM__ and __TO__ come from ingest.graph_rows (an allow-list), never from input.
// Parameters: $rows = [{from, to, key, props}], $load = the dataset version.
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.from})
MATCH (b:__TO__ {id: row.to})
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
SET r = row.props, r.key = row.key, r.load = $load
RETURN count(r) AS written
