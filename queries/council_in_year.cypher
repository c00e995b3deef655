// The Security Council's members in one year (un-psdata-scmembership, HELD_SEAT): each state with
// its seat, permanent or elected, and the row of the membership table that gives it.
// Parameters: $year (a year, as an integer).
// :param {year: 2013}
MATCH (s:Organisation)-[h:HELD_SEAT {year: $year}]->(:Organisation)
RETURN s.id AS id, s.name AS name, s.iso3 AS iso3, h.permanent AS permanent,
       h.source AS source, h.file AS file, h.row AS row
ORDER BY permanent DESC, name
