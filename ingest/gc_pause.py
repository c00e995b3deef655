"""The cyclic garbage collector paused while a load builds its records, rows and import files.

Reading the sources builds a few million small objects that all live until the load ends. Each
collection the allocations trigger walks every one of them again and frees nothing, which took
more than half of the read + validate time (scale 100 of bench/generate.py: 47 CPU s, 14 with
the collector paused; the public data 7.5 s, 4.6). Reference counting still frees everything
else at once; the collector runs again when the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block (nested blocks: the outermost resumes it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
