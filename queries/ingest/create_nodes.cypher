// Creates one batch of new nodes, each with its FROM_SOURCE relationship. Only identities the
// graph does not hold come here (ingest.plan), so CREATE, not MERGE; the id constraints still
// refuse a duplicate. The labels are a parameter (Cypher 5.26 dynamic labels), taken by
// ingest.loader from ingest.graph_rows.NODE_LABELS (an allow-list): one statement for every
// label, planned once, instead of one per label. A staged load passes [Pending] as labels (its
// nodes get their own in the swap, ingest/reveal_nodes), so its Source nodes are found by element
// id, not by label.
// Parameters: $rows = [{labels: [label], props (id and digest included), source: provenance map or null,
//                       src: the element id of the Source node it names, or null}].
// Returns the number of FROM_SOURCE relationships written and [id, element id] of each node,
// which the relationships of the same load are created against.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
WITH n, row
OPTIONAL MATCH (s) WHERE elementId(s) = row.src
FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END |
  CREATE (n)-[f:FROM_SOURCE]->(s)
  SET f = row.source)
RETURN count(s) AS sourced, collect([n.id, elementId(n)]) AS created
