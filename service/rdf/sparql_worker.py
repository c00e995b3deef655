"""A SPARQL worker process: answers queries over a read-only on-disk store until told to stop.

It runs in its own process so that a query past the time limit can be stopped for real (the
process is killed; pyoxigraph cannot interrupt a query), and answers in neutral formats the
service re-serialises as negotiated: SPARQL JSON results for SELECT/ASK, N-Triples for
CONSTRUCT/DESCRIBE.
"""

from __future__ import annotations

from multiprocessing.connection import Connection

import pyoxigraph as ox


def serve(conn: Connection, store_path: str) -> None:
    store = ox.Store.read_only(store_path)
    conn.send(("ready", ""))  # started and open: what a query's time limit must not include
    while True:
        try:
            query, prefixes = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            result = store.query(query, prefixes=prefixes, use_default_graph_as_union=True)
            if isinstance(result, ox.QueryTriples):
                conn.send(("triples", result.serialize(format=ox.RdfFormat.N_TRIPLES)))
            else:
                conn.send(("solutions", result.serialize(format=ox.QueryResultsFormat.JSON)))
        except SyntaxError as err:
            conn.send(("syntax", str(err)))
        except (OSError, ValueError, RuntimeError) as err:
            conn.send(("error", f"{type(err).__name__}: {err}"))
