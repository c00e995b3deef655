// Waits until every index is online (after `pkgraph schema apply`), at most 300 seconds.
CALL db.awaitIndexes(300)
