// Example resources for the VoID description: the first mission, resolution and claim by id, and
// the first evidenced dependency (its endpoints and key), so VoID needs no SPARQL store.
// Parameters: none.
CALL () {
  MATCH (m:Mission)
  RETURN min(m.id) AS mission
}
CALL () {
  MATCH (r:Resolution)
  RETURN min(r.number) AS resolution
}
CALL () {
  MATCH (c:Claim)
  RETURN min(c.id) AS claim
}
CALL () {
  MATCH (a:Actor)-[d:DEPENDS_ON]->(b:Actor)
  WITH a.id AS source, d.key AS key, b.id AS target
  ORDER BY source, key, target
  LIMIT 1
  RETURN collect({source: source, key: key, target: target}) AS dependency
}
RETURN mission, resolution, claim, dependency
