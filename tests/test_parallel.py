"""Large catalogues are checked on every core: the same results, in the same order, as on one."""

from __future__ import annotations

import os
from types import MappingProxyType

import pytest

from kennisbank import CatalogueError, load_catalogue, parallel
from kennisbank.model import freeze
from kennisbank.synthetic import write_catalogue


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 4)
    monkeypatch.setattr(parallel, "cores", lambda: 2)


def test_results_come_back_in_order_from_the_children(two_cores):
    pids = parallel.in_parallel(lambda i: (i, os.getpid()), list(range(40)))
    assert [i for i, _ in pids] == list(range(40))
    assert len({pid for _, pid in pids}) == 2          # half of it was done by a forked child


def test_frozen_entry_fields_come_back_from_a_child(two_cores):
    results = parallel.in_parallel(lambda i: (freeze({"naam": f"x{i}", "lijst": [{"a": i}]}), os.getpid()),
                                   list(range(40)))
    assert len({pid for _, pid in results}) == 2      # not redone here after a failed pickle
    assert [fields["lijst"][0]["a"] for fields, _ in results] == list(range(40))
    assert all(isinstance(fields, MappingProxyType) for fields, _ in results)


def test_a_failing_child_costs_time_not_results(two_cores):
    parent = os.getpid()

    def fails_in_a_child(i):
        if os.getpid() != parent:
            raise RuntimeError("kapot")
        return i * i

    assert parallel.in_parallel(fails_in_a_child, list(range(10))) == [i * i for i in range(10)]


def test_a_catalogue_checked_in_parallel_is_the_same_catalogue(tmp_path, monkeypatch):
    write_catalogue(tmp_path / "catalogue", 60, seed=5)
    one = load_catalogue(tmp_path / "catalogue")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 4)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    many = load_catalogue(tmp_path / "catalogue")
    assert many.entries == one.entries and many.warnings == one.warnings

    broken = sorted((tmp_path / "catalogue" / "organisaties").glob("*.yml"))
    broken[0].write_text("naam: [", encoding="utf-8")
    broken[-1].write_text(broken[-1].read_text(encoding="utf-8").replace("beschrijving:", "beschrijvng:"),
                          encoding="utf-8")
    # Only a broken reference, found in the child that read the file: with its line.
    broken[1].write_text(broken[1].read_text(encoding="utf-8").replace("\n- bron-", "\n- kwijt-", 1),
                         encoding="utf-8")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10 ** 9)
    with pytest.raises(CatalogueError) as sequential:
        load_catalogue(tmp_path / "catalogue")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 4)
    with pytest.raises(CatalogueError) as forked:
        load_catalogue(tmp_path / "catalogue")
    assert forked.value.problems == sequential.value.problems and len(forked.value.problems) >= 3
    lost = [p for p in forked.value.problems if "'kwijt-" in p.message]
    assert len(lost) == 1 and lost[0].line is not None and lost[0].file.endswith(broken[1].name)
