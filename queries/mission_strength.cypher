// Authorised and deployed strength of a mission and of the missions before and after it, by month,
// measure and source: the (:Mission)-[:HAS_STRENGTH]->(:Strength {month, measure, value, source})
// nodes of the personnel sources (Passmore, IPI); none until those sources are loaded.
// Parameters: $id (a mission id).
// :param {id: 'minusma'}
MATCH (m:Mission {id: $id})
OPTIONAL MATCH chain = (m)-[:SUCCEEDED_BY*1..10]-(other:Mission)
WHERE none(n IN nodes(chain) WHERE n:__STAGED__)
WITH m, collect(DISTINCT other) AS others
UNWIND [m] + others AS mission
MATCH (mission)-[:HAS_STRENGTH]->(s:Strength)
RETURN mission.id AS mission, s.month AS month, s.measure AS measure, s.value AS value, s.source AS source
ORDER BY month, measure, source, mission
