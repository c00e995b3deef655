// Deletes what an earlier ingest wrote and this one did not: records removed from the files.
// Parameters: $load = the dataset version just written.
MATCH (n)
WHERE n.load IS NOT NULL AND n.load <> $load
DETACH DELETE n
RETURN count(*) AS deleted
