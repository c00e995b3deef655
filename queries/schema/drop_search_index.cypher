// Drops the full-text index `search_text` so that it is created again with the registry's fields
// (CREATE ... IF NOT EXISTS leaves an index of another definition as it is).
DROP INDEX search_text IF EXISTS
