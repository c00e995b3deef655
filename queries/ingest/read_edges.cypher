// What the graph holds of earlier loads, for ingest.plan: every relationship the loader wrote
// (FROM_SOURCE goes with its node and has no digest), by (type, from id, to id, key), as parallel
// lists in one row. `load` marks relationships of loads before `digest` existed.
// Parameters: none.
MATCH (a)-[r]->(b)
WHERE r.digest IS NOT NULL OR r.load IS NOT NULL
RETURN collect(type(r)) AS types,
       collect(coalesce(a.id, '')) AS froms,
       collect(coalesce(b.id, '')) AS tos,
       collect(coalesce(r.key, '')) AS keys,
       collect(elementId(r)) AS eids,
       collect(coalesce(r.digest, '')) AS digests
