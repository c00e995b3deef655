// Every loaded source (one :Dataset node each): its id, version (content hash of its files), load
// time, counts, the id of a staged load not yet swapped in (`pending`) and the seconds since that
// load last renewed its mark (`pending_age`, Neo4j's clock; schema.datasets.PENDING_LEASE_S tells a
// running load from one that died); no rows before a first ingest.
MATCH (d:Dataset)
RETURN d {.*, pending_age: CASE WHEN d.pending IS NULL THEN null
                               ELSE (timestamp() - coalesce(d.pending_seen, 0)) / 1000 END} AS dataset
ORDER BY d.id
