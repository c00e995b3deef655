// Clears a failed staged load's mark after its writes were undone (a later load's mark stays);
// the :Dataset node goes too when no load of the source has ever completed.
// Parameters: $dataset = the source's id; $load = the staged load's id (null: whichever died).
MATCH (d:Dataset {id: $dataset})
WHERE d.pending = $load OR ($load IS NULL AND d.pending IS NOT NULL)
REMOVE d.pending, d.pending_seen
WITH d
WHERE d.version IS NULL
DELETE d
