// Whether a staged load of the source is marked pending, and how many seconds ago (Neo4j's clock)
// it last renewed its mark (`pending_seen`: milliseconds since 1970): ingest.loader repairs a stale one before loading.
// Parameters: $dataset = the source's id.
OPTIONAL MATCH (d:Dataset {id: $dataset})
RETURN d.pending AS pending,
       (timestamp() - coalesce(d.pending_seen, 0)) / 1000 AS age
