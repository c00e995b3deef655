// A mission's strength series: authorised ceilings (at their changes) and deployed strength per month,
// each with its source and locator, the resolution that set a ceiling (SET_BY) and the second
// witness of a corroborated figure.
// Parameters: $id (a mission id).
// :param {id: 'monusco'}
MATCH (:Mission {id: $id})-[:HAS_STRENGTH]->(s:Strength)
OPTIONAL MATCH (s)-[:SET_BY]->(r:Resolution)
RETURN s {.id, .month, .measure, .value, .source, .file, .row, .column, .change, .previous, .observer_coding,
          .observer_evidence, .observer_note, .troops_without_observers, .military_total,
          .interpolated, .outcome, .preferred, .corroborated_by} AS strength,
       r {.id, .number, .date} AS set_by
ORDER BY s.month, s.measure, s.source
