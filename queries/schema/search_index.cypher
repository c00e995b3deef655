// The full-text index `search_text` as it exists: its labels and properties (none if absent), to
// tell whether the registry's search fields changed since it was created.
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties
WHERE name = 'search_text'
RETURN labelsOrTypes AS labels, properties
