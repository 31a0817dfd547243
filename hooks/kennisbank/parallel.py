"""Run a function over many items on every core, for the work that grows with the catalogue.

    results = in_parallel(check, files)   # the same as [check(f) for f in files], in order

Below PARALLEL_FROM items, on one core, or where processes cannot be forked (Windows,
macOS), everything runs here. Otherwise the items are cut into small batches; this
process and forked children (which inherit the function, closures and all) each start
with a batch of their own and then take the next free one, so a process that runs
slower (a busy core, copy-on-write after the fork) simply does fewer. Children send
back their results at the end. A child that fails for any reason costs time, never a
result: the batches it took are then done here.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 400   # below this, starting a process costs more than it saves
MAX_PROCESSES = 4
BATCHES_PER_PROCESS = 40   # small enough that no process waits long for the last one


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
    size = max(1, len(items) // (runs * BATCHES_PER_PROCESS))
    batches = [items[i:i + size] for i in range(0, len(items), size)]
    taken = context.Value("i", runs)   # the next batch nobody has taken; batch r is run r's first
    children = []
    for run in range(1, runs):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(function, batches, run, taken, send), daemon=True)
        child.start()
        send.close()
        children.append((child, receive))
    done = dict(_work(function, batches, 0, taken))
    for child, receive in children:
        try:
            status, theirs = receive.recv()
        except (EOFError, OSError):   # the child died without an answer
            status, theirs = "fout", None
        receive.close()
        child.join()
        if status == "klaar":
            done.update(theirs)
    return [result for index, batch in enumerate(batches)
            for result in (done[index] if index in done else [function(item) for item in batch])]


def _work(function: Callable, batches: Sequence[Sequence], first: int, taken: Any) -> Iterator[tuple[int, list]]:
    """(batch number, results) for this process's first batch and every next free one."""
    index = first
    while index < len(batches):
        yield index, [function(item) for item in batches[index]]
        with taken.get_lock():
            index = taken.value
            taken.value += 1


def _child(function: Callable, batches: Sequence[Sequence], first: int, taken: Any, send) -> None:
    try:
        send.send(("klaar", dict(_work(function, batches, first, taken))))
    except BaseException:   # noqa: BLE001 - the parent redoes this child's batches and reports what goes wrong
        send.send(("fout", None))
    finally:
        send.close()
