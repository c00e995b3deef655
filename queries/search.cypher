// Full-text search over every text field of every kind (index `search_text`; the fields are each kind's
// `search` in schema.registry): notes, definitions, summaries, quotes, claim text, source authors and
// titles, resolution topic lines, ... $q is Lucene query syntax ('budget AND helicopter*', a phrase in
// double quotes). $type (a label, null = any) filters the hits; the facets count every hit by type.
// Each hit carries the node's properties, from which the service picks the label and the snippet.
// Parameters: $q, $type, $offset, $limit.
// :param {q: '"Security Council"', type: null, offset: 0, limit: 20}
CALL db.index.fulltext.queryNodes('search_text', $q) YIELD node, score
WITH node, score, labels(node)[0] AS type
ORDER BY score DESC, node.id
WITH collect({node: node, score: score, type: type}) AS hits
CALL (hits) {
  UNWIND hits AS h
  WITH h.type AS type, count(*) AS count
  RETURN collect({type: type, count: count}) AS facets
}
WITH facets, [h IN hits WHERE $type IS NULL OR h.type = $type] AS chosen
RETURN size(chosen) AS total, facets,
       [h IN chosen[$offset..$offset + $limit] | {type: h.type, score: h.score, props: properties(h.node)}] AS hits
