// Records which dataset is loaded: version (content hash of the files), time, counts (JSON text).
// Parameters: $load, $loaded_at, $counts, $nodes, $relationships.
MERGE (d:Dataset {id: 'current'})
SET d.version = $load, d.load = $load, d.loaded_at = $loaded_at, d.counts = $counts,
    d.nodes = $nodes, d.relationships = $relationships
