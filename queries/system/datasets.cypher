// Every loaded source (one :Dataset node each): its id, version (content hash of its files), load
// time, counts and the id of a staged load still writing; no rows before a first ingest.
MATCH (d:Dataset)
RETURN d {.*} AS dataset
ORDER BY d.id
