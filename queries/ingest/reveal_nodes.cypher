// The swap of a staged load: its nodes, created with the label Pending alone (invisible to every
// read statement), get their own labels; the id constraints check them now.
// Parameters: $ids = [element id]; $labels = the labels of all of them (one kind per batch).
UNWIND $ids AS eid
MATCH (n:__STAGED__) WHERE elementId(n) = eid
SET n:$($labels)
REMOVE n:__STAGED__
RETURN count(n) AS revealed
