"""Run a function over many items on every core, for the work that grows with the catalogue.

    results = in_parallel(check, files)   # the same as [check(f) for f in files], in order

Below PARALLEL_FROM items, on one core, or where processes cannot be forked (Windows,
macOS), everything runs here. Otherwise the items are split into one run per core;
this process does the first, forked children (which inherit the function, closures
and all) do the others and send back their results. A child that fails for any
reason costs time, never a result: its items are then done here.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 400   # below this, starting a process costs more than it saves
MAX_PROCESSES = 4


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def in_parallel(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    runs = min(cores(), MAX_PROCESSES, len(items) // (PARALLEL_FROM // 2) or 1)
    if runs < 2 or len(items) < PARALLEL_FROM or not sys.platform.startswith("linux"):
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    size = -(-len(items) // runs)
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    children = []
    for chunk in chunks[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_run, args=(function, chunk, send), daemon=True)
        child.start()
        send.close()
        children.append((child, receive, chunk))
    results = [function(item) for item in chunks[0]]
    for child, receive, chunk in children:
        try:
            status, theirs = receive.recv()
        except (EOFError, OSError):   # the child died without an answer
            status, theirs = "fout", None
        receive.close()
        child.join()
        results += theirs if status == "klaar" else [function(item) for item in chunk]
    return results


def _run(function: Callable, chunk: Sequence, send) -> None:
    try:
        send.send(("klaar", [function(item) for item in chunk]))
    except BaseException:   # noqa: BLE001 - the parent redoes this chunk and reports what goes wrong
        send.send(("fout", None))
    finally:
        send.close()
