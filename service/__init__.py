"""pkgraph's HTTP service, settings and command line."""
