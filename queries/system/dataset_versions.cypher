// What the service's answer cache keys on (service/answer_cache): each source's id, version and
// load time in one string, read before cached answers are served, so it stays one label scan of a
// few tiny :Dataset nodes (one per source). Any commit of an ingest changes it.
MATCH (d:Dataset)
WITH d ORDER BY d.id
RETURN reduce(v = '', d IN collect(d) | v + d.id + '=' + coalesce(d.version, '') + '@' + coalesce(d.loaded_at, '') + ' ') AS version
