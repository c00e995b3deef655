"""ingest.gc_pause: the collector is off inside the block and back as it was after it."""

from __future__ import annotations

import gc

import pytest

from ingest.gc_pause import gc_paused

pytestmark = pytest.mark.unit


def _read_and_fail() -> None:
    assert not gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the inner block leaves it to the outer one
    raise RuntimeError("a reader failed")


def test_paused_inside_and_resumed_after_even_on_error() -> None:
    assert gc.isenabled()
    with gc_paused(), pytest.raises(RuntimeError):
        _read_and_fail()
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
