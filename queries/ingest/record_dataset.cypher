// Records which version of a source is loaded: version (content hash of its files), time, counts
// (JSON text). For a staged load this is the swap: the pending mark goes and the new version shows.
// With $adopt (the curated data) the one :Dataset {id: 'current'} of loads before sources goes.
// Parameters: $dataset, $version, $loaded_at, $counts, $nodes, $relationships, $adopt.
MERGE (d:Dataset {id: $dataset})
SET d.version = $version, d.loaded_at = $loaded_at, d.counts = $counts,
    d.nodes = $nodes, d.relationships = $relationships
REMOVE d.pending, d.pending_seen, d.load
WITH d
OPTIONAL MATCH (old:Dataset {id: 'current'})
WHERE $adopt
DELETE old
