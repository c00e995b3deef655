"""Benchmarks: ratios measured side by side in one run; results in bench/RESULTS.md."""
