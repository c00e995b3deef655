// Removes what a staged load of the source that died (killed, or its connection lost) had
// written: its nodes, still labelled Pending, with their relationships; in transactions of their
// own (an auto-commit statement), as large as the load's were. The caller holds no lease check:
// ingest.loader runs this only when the source's pending mark is stale.
// Parameters: $dataset = the source's id.
MATCH (n:__STAGED__)
WHERE n.load = $dataset
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS
