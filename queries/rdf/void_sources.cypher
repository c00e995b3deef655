// The sources the VoID description lists as subsets: every loaded source (:Dataset) with the title
// and licence status of its Source record (data/sources.yaml, as its SOURCE.txt states them).
// The curated source has no Source record of its own id: it is the project's curation of the thesis.
// Parameters: none.
MATCH (d:Dataset)
OPTIONAL MATCH (s:Source {id: d.id})
RETURN d.id AS id, d.version AS version, s {.id, .title, .licence} AS source
ORDER BY id
