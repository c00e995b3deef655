// The loaded dataset's version (content hash), load time and counts, or null before a first ingest.
OPTIONAL MATCH (d:Dataset {id: 'current'})
RETURN d {.*} AS dataset
