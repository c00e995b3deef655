// The ids of the nodes other sources loaded, for checking references into them before a load of
// the sources read in this run (ingest.pipeline); unstamped nodes count as $legacy's.
// Parameters: $reading = the ids of the sources read in this run; $legacy = their owner's id;
// $primary = the labels that name a node's kind.
// :param {reading: ['curated'], legacy: 'curated', primary: ['Mission', 'Organisation']}
MATCH (n)
WHERE (n.digest IS NOT NULL OR n.load IS NOT NULL) AND NOT n:Dataset AND NOT n:__STAGED__
WITH n, CASE WHEN n.digest IS NOT NULL AND n.load IS NOT NULL THEN n.load ELSE $legacy END AS owner
WHERE NOT owner IN $reading
RETURN collect(coalesce(head([label IN labels(n) WHERE label IN $primary]), '')) AS labels,
       collect(coalesce(n.id, '')) AS ids
