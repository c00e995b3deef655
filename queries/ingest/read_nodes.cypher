// What the graph holds of earlier loads, for ingest.plan: every node the loader wrote, as
// parallel lists in one row (one record per node costs the driver more than the scan costs
// Neo4j). `load` marks nodes of loads before `digest` existed: they are rewritten once.
// Parameters: $primary = the labels that name a node's kind (ingest.plan.PRIMARY_LABELS).
// :param primary => ['Mission', 'Organisation']
MATCH (n)
WHERE (n.digest IS NOT NULL OR n.load IS NOT NULL) AND NOT n:Dataset
RETURN collect(coalesce(head([label IN labels(n) WHERE label IN $primary]), '')) AS labels,
       collect(coalesce(n.id, '')) AS ids,
       collect(elementId(n)) AS eids,
       collect(coalesce(n.digest, '')) AS digests
