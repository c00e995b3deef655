// Deletes relationships an earlier ingest wrote and this one did not.
// Parameters: $load = the dataset version just written.
MATCH ()-[r]->()
WHERE r.load IS NOT NULL AND r.load <> $load
DELETE r
RETURN count(*) AS deleted
