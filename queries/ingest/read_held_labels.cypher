// The kinds (primary labels) the sources read in this run hold in the graph: a kind among them whose
// file is missing is left to the plan's refusal to empty it; one they hold none of is refused at
// validation when records refer to it (ingest.dataset). Unstamped nodes count as $legacy's.
// Parameters: as ingest/read_ids.
// :param {reading: ['curated'], legacy: 'curated', primary: ['Mission', 'Claim']}
MATCH (n)
WHERE (n.digest IS NOT NULL OR n.load IS NOT NULL) AND NOT n:Dataset AND NOT n:__STAGED__
WITH n, CASE WHEN n.digest IS NOT NULL AND n.load IS NOT NULL THEN n.load ELSE $legacy END AS owner
WHERE owner IN $reading
RETURN collect(DISTINCT head([label IN labels(n) WHERE label IN $primary])) AS labels
