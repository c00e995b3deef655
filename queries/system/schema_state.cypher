// Every index with its state; constraint-backed indexes carry the constraint's name.
// GET /ready compares these names with schema/constraints.cypher.
SHOW INDEXES YIELD name, state
RETURN name, state
