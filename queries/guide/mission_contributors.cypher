// Contributors of a mission: the states whose personnel serve in it in one month (IPI's official count;
// one CONTRIBUTES relationship per month and personnel type, with its count), in $month or, when it is
// null, the latest month with any. The personnel sources (load-personnel) write these relationships.
// Parameters: $mission (a mission id), $month ('YYYY-MM' or null).
// :param {mission: 'monusco', month: '2012-06'}
MATCH (m:Mission {id: $mission})
OPTIONAL MATCH (:Organisation)-[c:CONTRIBUTES]->(m)
WHERE $month IS NULL OR c.month = $month
WITH m, max(c.month) AS chosen
MATCH p = (:Organisation)-[:CONTRIBUTES {month: chosen}]->(m)
RETURN p
