// Full-text search over names, acronyms, titles, labels, summaries and claim text (index `search_text`).
// $q is Lucene query syntax (e.g. 'budget AND helicopter*'). Parameters: $q, $limit.
// :param {q: 'Security Council', limit: 20}
CALL db.index.fulltext.queryNodes('search_text', $q) YIELD node, score
RETURN node.id AS id, labels(node)[0] AS type,
       coalesce(node.name, node.title, node.pref_label, node.role, node.text) AS label, score
ORDER BY score DESC, id
LIMIT $limit
