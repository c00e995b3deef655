// Clears a failed staged load's mark after its writes were undone (a later load's mark stays);
// the :Dataset node goes too when no load has ever completed.
// Parameters: $load = the staged load's id.
MATCH (d:Dataset {id: 'current'})
WHERE d.pending = $load
REMOVE d.pending
WITH d
WHERE d.version IS NULL
DELETE d
