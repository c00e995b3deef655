// What the graph holds of one source's earlier loads, for ingest.plan: every relationship it
// wrote (`load` = the source; FROM_SOURCE goes with its node and has neither), by (type, from id,
// to id, key), as parallel lists in one row. With $adopt (the curated data's load) also those
// written before the stamp named a source (`load` without `digest`, or `digest` without `load`),
// with '' as digest so each is rewritten once.
// Parameters: $dataset = the source's id; $adopt = whether it adopts unstamped relationships.
// :param {dataset: 'curated', adopt: true}
MATCH (a)-[r]->(b)
WHERE NOT a:__STAGED__ AND NOT b:__STAGED__
  AND ((r.load = $dataset AND r.digest IS NOT NULL)
   OR ($adopt AND (r.digest IS NOT NULL OR r.load IS NOT NULL) AND (r.digest IS NULL OR r.load IS NULL)))
RETURN collect(type(r)) AS types,
       collect(coalesce(a.id, '')) AS froms,
       collect(coalesce(b.id, '')) AS tos,
       collect(coalesce(r.key, '')) AS keys,
       collect(elementId(r)) AS eids,
       collect(CASE WHEN r.load = $dataset THEN coalesce(r.digest, '') ELSE '' END) AS digests
