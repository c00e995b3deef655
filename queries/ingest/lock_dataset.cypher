// Takes the write lock on the :Dataset node before the graph is read, so two loads never plan
// against the same state. A staged load commits this with its id as `pending` (shown by /ready)
// until its last transaction swaps the new version in; a one-transaction load passes null.
// Parameters: $load = the staged load's id (dataset version @ start time), or null.
MERGE (d:Dataset {id: 'current'})
SET d.pending = $load
RETURN d.version AS version
