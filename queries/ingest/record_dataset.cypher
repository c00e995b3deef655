// Records which dataset is loaded: version (content hash of the files), time, counts (JSON text).
// For a staged load this is the swap: the pending mark goes and the new version shows.
// Parameters: $version, $loaded_at, $counts, $nodes, $relationships.
MERGE (d:Dataset {id: 'current'})
SET d.version = $version, d.loaded_at = $loaded_at, d.counts = $counts,
    d.nodes = $nodes, d.relationships = $relationships
REMOVE d.pending, d.load
