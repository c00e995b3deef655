// The actors (missions and organisations) among $ids that exist, with their names.
// Parameters: $ids (list of actor ids).
// :param {ids: ['unmik', 'unsc', 'osce']}
MATCH (a:Actor) WHERE a.id IN $ids
RETURN a.id AS id, a.name AS name, a.acronym AS acronym, labels(a) AS labels
