"""Dataset ids both sides need: the ingest writes a `:Dataset` node per source, `/ready` shows them."""

# The curated YAML in data/. Elements written before loads were stamped with their source belong
# to it: the first load under this id adopts them.
CURATED = "curated"
