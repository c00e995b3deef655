// What the graph holds of earlier loads, for ingest.plan: every node the loader wrote, as
// parallel lists in one row (one record per node costs the driver more than the scan costs
// Neo4j), with the source that wrote it (`load`). Nodes of other sources are only looked up by
// the plan (for relationships into them); its own it compares. '' as owner: written before the
// stamp named a source (`load` without `digest`: before digests; `digest` without `load`: before
// sources), with '' as digest, so such a node is rewritten once.
// Parameters: $primary = the labels that name a node's kind (ingest.plan.PRIMARY_LABELS).
// :param primary => ['Mission', 'Organisation']
MATCH (n)
WHERE (n.digest IS NOT NULL OR n.load IS NOT NULL) AND NOT n:Dataset AND NOT n:__STAGED__
WITH n, CASE WHEN n.digest IS NOT NULL AND n.load IS NOT NULL THEN n.load ELSE '' END AS owner
RETURN collect(coalesce(head([label IN labels(n) WHERE label IN $primary]), '')) AS labels,
       collect(coalesce(n.id, '')) AS ids,
       collect(elementId(n)) AS eids,
       collect(CASE owner WHEN '' THEN '' ELSE n.digest END) AS digests,
       collect(owner) AS owners
