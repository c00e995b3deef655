// Deletes nodes an earlier load wrote that the files no longer give, with their relationships.
// Parameters: $ids = [element id].
UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid
DETACH DELETE n
RETURN count(n) AS deleted
