// An interview's claims: the claims citing one interview, the codes each is coded as and the actors it
// mentions, with the organisation the interviewee was affiliated with.
// Parameters: $interview (an interview id).
// :param {interview: 'drc-14'}
MATCH cites = (c:Claim)-[:CITES]->(i:Interview {id: $interview})
OPTIONAL MATCH coded = (c)-[:CODED_AS]->(:Code)
OPTIONAL MATCH mentions = (c)-[:MENTIONS]->(:Actor)
OPTIONAL MATCH affiliated = (i)-[:AFFILIATED_WITH]->(:Organisation)
RETURN cites, collect(DISTINCT coded) AS codes, collect(DISTINCT mentions) AS mentions,
       collect(DISTINCT affiliated) AS affiliation
