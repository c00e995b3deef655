"""Linked data: the graph as RDF (export, dereferenceable IRIs, VoID, SPARQL).

`terms` and `iris` name things, `mapping` turns Neo4j rows into quads (the one place where the
property graph meets the vocabularies of `schema/ontology.ttl`), `export` writes those quads in
the RDF formats, `describe` builds one resource's description, `negotiation` picks a format,
`sparql` keeps a pyoxigraph store of the export, `router` is the HTTP surface.
"""
