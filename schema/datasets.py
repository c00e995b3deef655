"""Dataset ids both sides need: the ingest writes a `:Dataset` node per source, `/ready` shows them."""

# The curated YAML in data/. Elements written before loads were stamped with their source belong
# to it: the first load under this id adopts them.
CURATED = "curated"

# A staged load creates its nodes with this label alone and gives them their own labels only in
# its last transaction (the swap), so no read statement, which names labels, sees them before;
# statements that match unlabelled nodes exclude it (`__STAGED__` in queries/templates.py).
STAGED_LABEL = "Pending"
# A staged load renews `:Dataset.pending_seen` (Neo4j's clock) every HEARTBEAT_S seconds; a
# pending mark older than PENDING_LEASE_S is a load that died (killed, or its connection lost):
# /ready says `broken`, and the next load of the source removes what it had written.
HEARTBEAT_S = 2.0
PENDING_LEASE_S = 10
