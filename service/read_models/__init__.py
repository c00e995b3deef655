"""Read models: the answers of the analytical endpoints, computed from the rows of named statements.

Each is a pure function of the rows a statement in `queries/` returned (plain dicts and lists) and the
request's parameters: no I/O, no driver, no HTTP. So they are unit-tested without Neo4j, and an answer
can be kept per dataset version, since the same rows always give the same answer.
"""
