// What the graph holds from each chapter of the thesis: per chapter (1-7, from the section of each
// record's thesis locator) and kind, how many records, figures and statements are located there.
// Appendix 1 (the interviews) and records without a thesis section are counted apart, as chapter null.
// Parameters: none
// :param {}
MATCH (n)
WHERE n.source = 'thesis' AND n.section IS NOT NULL AND NOT n:Dataset
WITH n, CASE WHEN n.section =~ '[1-7](\\..*)?' THEN toInteger(left(n.section, 1)) END AS chapter
RETURN chapter, [l IN labels(n) WHERE l <> 'Actor'][0] AS kind, count(*) AS records
ORDER BY chapter, kind
