// pkgraph graph schema. Applied by `pkgraph schema apply` (idempotent: IF NOT EXISTS).
// One uniqueness constraint on `id` per label of the design; the names are what /ready checks.
// Missions and organisations also carry the label Actor, so one id names one actor.

CREATE CONSTRAINT mission_id IF NOT EXISTS FOR (n:Mission) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (n:Territory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT resolution_id IF NOT EXISTS FOR (n:Resolution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mandate_id IF NOT EXISTS FOR (n:Mandate) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interview_id IF NOT EXISTS FOR (n:Interview) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT code_id IF NOT EXISTS FOR (n:Code) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;

// Lookups the queries make by something other than id.
CREATE INDEX resolution_number IF NOT EXISTS FOR (n:Resolution) ON (n.number);
CREATE INDEX mission_acronym IF NOT EXISTS FOR (n:Mission) ON (n.acronym);
CREATE INDEX organisation_acronym IF NOT EXISTS FOR (n:Organisation) ON (n.acronym);
CREATE INDEX claim_chapter IF NOT EXISTS FOR (n:Claim) ON (n.chapter);
CREATE INDEX interview_case IF NOT EXISTS FOR (n:Interview) ON (n.case);
CREATE INDEX depends_on_kind IF NOT EXISTS FOR ()-[r:DEPENDS_ON]-() ON (r.kind);

// GET /search: names, acronyms and claim text in one full-text index.
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Mission|Organisation|Unit|Post|Territory|Resolution|Task|Interview|Claim|Code|Source)
ON EACH [n.name, n.acronym, n.title, n.pref_label, n.summary, n.text, n.quote, n.role];

// Figures (sizes, budgets, ceilings) and disputed statements are nodes, so each keeps its source.
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
