// A staged load renews its pending mark while it runs, so readers and later loads can tell it from
// one that died (schema.datasets.PENDING_LEASE_S).
// Parameters: $dataset = the source's id; $load = the staged load's id.
MATCH (d:Dataset {id: $dataset})
WHERE d.pending = $load
SET d.pending_seen = timestamp()
