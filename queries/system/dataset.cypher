// The loaded graph's version and load time, or null before a first ingest (the RDF store, dumps
// and VoID follow it; /ready lists each source: system/datasets). With one source loaded, its
// :Dataset node; with several, a version that names each source's (`id=version`, space-separated,
// by id) and the latest load time, so a reload of any source changes it.
MATCH (d:Dataset)
WITH d ORDER BY d.id
WITH collect(d) AS sources, collect(d {.*}) AS maps
RETURN CASE size(sources)
  WHEN 0 THEN null
  WHEN 1 THEN maps[0]
  ELSE {
    version: reduce(v = '', d IN sources | v + CASE v WHEN '' THEN '' ELSE ' ' END + d.id + '=' + coalesce(d.version, '')),
    loaded_at: reduce(t = '', d IN sources | CASE WHEN coalesce(d.loaded_at, '') > t THEN d.loaded_at ELSE t END)
  }
END AS dataset
