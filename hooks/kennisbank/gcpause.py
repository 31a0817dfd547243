"""Pause Python's cyclic garbage collector during bulk work.

Loading the catalogue and laying out the handbook make many small objects that live
until the work is done and form no reference cycles worth collecting. The collector
would walk all of them again and again as they pile up (a seventh of the time of a
5,000-entry load). Memory freed by reference counting is freed as before::

    with paused_gc():
        catalogue = build_everything()
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
