// The resolutions whose topic line (or summary) matches a full-text query (index `search_text`, Lucene
// syntax): their ids, for list_resolutions' $ids. Parameters: $q.
// :param {q: 'establishment AND MONUC'}
CALL db.index.fulltext.queryNodes('search_text', $q) YIELD node
WHERE node:Resolution
RETURN collect(node.id) AS ids
