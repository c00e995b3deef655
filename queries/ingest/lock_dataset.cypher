// Takes the write lock on the source's :Dataset node before the graph is read, so two loads of a
// source never plan against the same state. A staged load commits this with its id as `pending`
// (shown by /ready) until its last transaction swaps the new version in; a one-transaction load
// passes null.
// Parameters: $dataset = the source's id; $load = the staged load's id (version @ start time), or null.
MERGE (d:Dataset {id: $dataset})
SET d.pending = $load, d.pending_seen = CASE WHEN $load IS NULL THEN null ELSE timestamp() END
RETURN d.version AS version
