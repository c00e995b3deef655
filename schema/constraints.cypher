// pkgraph graph schema. Applied by `pkgraph schema apply` (idempotent: IF NOT EXISTS).
// One uniqueness constraint on `id` per label of schema.registry, figures and statements
// included (they are nodes, so each keeps its source), and for the shared label Actor, so one id
// names one actor; the line marked `each id label` is repeated per label (queries.templates),
// named `<label>_id`: the names /ready checks.

CREATE CONSTRAINT __NAME__ IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.id IS UNIQUE; // each id label
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;

// Lookups the queries make by something other than id.
CREATE INDEX resolution_number IF NOT EXISTS FOR (n:Resolution) ON (n.number);
CREATE INDEX mission_acronym IF NOT EXISTS FOR (n:Mission) ON (n.acronym);
CREATE INDEX organisation_acronym IF NOT EXISTS FOR (n:Organisation) ON (n.acronym);
CREATE INDEX claim_chapter IF NOT EXISTS FOR (n:Claim) ON (n.chapter);
CREATE INDEX interview_case IF NOT EXISTS FOR (n:Interview) ON (n.case);
CREATE INDEX depends_on_kind IF NOT EXISTS FOR ()-[r:DEPENDS_ON]-() ON (r.kind);

// GET /search: every text field of every kind in one full-text index; the labels and properties
// are the node kinds' searchable properties in schema.registry.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:__SEARCH_LABELS__)
ON EACH [__SEARCH_PROPERTIES__];
