// Deletes relationships an earlier load wrote that the files no longer give.
// Parameters: $ids = [element id].
UNWIND $ids AS eid
MATCH ()-[r]->() WHERE elementId(r) = eid
DELETE r
RETURN count(r) AS deleted
