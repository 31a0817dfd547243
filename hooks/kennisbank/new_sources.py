"""Sources written out in full in an entry's list of sources, turned into source entries.

A contributor whose source is not in catalogue/bronnen yet writes it where its file name would go:

    bronnen:
      - titel: Jaarverslag 2024
        uitgever: Stichting De Brug
        soort: brochure
        jaar: 2025
        beschrijving: Wat de stichting in 2024 deed.

The loader makes it a source entry with the file name slug_for(titel) and the entry's own
`laatst_gecontroleerd`, checked by the same bronnen schema as every source file, and puts
that name in the entry's list. The same source written out in two entries is one source;
a name already taken by a file is an error::

    new = collect_new_sources(schema, "organisaties", data, rel, lines, (), validators, context)
    merged, problems = merge_new_sources(new, {"een-bron": "catalogue/bronnen/een-bron.yml"})
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.model import Entry, freeze
from kennisbank.names import slug_for
from kennisbank.problems import FieldPath, Problem, problem
from kennisbank.schema import Schema
from kennisbank.validate import Context, Validators
from kennisbank.yamlfile import Lines, line_of

SOURCES = "bronnen"
INHERITED = ("laatst_gecontroleerd",)   # what a new source takes from the entry that cites it


@dataclass
class NewSource:
    slug: str
    record: dict[str, Any]      # the fields of the source entry
    path: FieldPath             # where it is written: ("bronnen", 1)
    rel: str                    # the file it is written in
    line: int | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def title(self) -> str:
        return str(self.record.get("titel", ""))

    def entry(self) -> Entry:
        return Entry(KINDS_BY_FOLDER[SOURCES], self.slug, self.rel, freeze(self.record))

    def own_fields(self) -> dict[str, Any]:
        return {key: value for key, value in self.record.items() if key not in INHERITED}


def collect_new_sources(schema: Schema, folder: str, data: Mapping[str, Any], rel: str, lines: Lines,
                        prefix: FieldPath, validators: Validators, context: Context,
                        skip: Collection[FieldPath] = ()) -> list[NewSource]:
    """The new sources written in one entry, each checked as a source file would be (problems in .problems)."""
    found = []
    for path, item in schema.new_sources(folder, data, prefix):
        if any(path[:len(bad)] == bad or bad[:len(path)] == path for bad in skip):
            continue   # its own fields already have errors; they are reported once
        record = dict(item) | {name: data[name] for name in INHERITED if name in data}
        slug = slug_for(str(item.get("titel", "")))
        source = NewSource(slug, record, path, rel, line_of(lines, path))
        if not slug:
            source.problems.append(problem("nieuwe-bron-naam", rel, source.line, path, title=source.title))
        else:
            inherited = {path + (name,) for name in INHERITED}   # a wrong date is the entry's, reported there
            source.problems += [p for p in validators.problems(SOURCES, record, rel, lines, context, prefix=path)
                                if p.path not in inherited]
        found.append(source)
    return found


def merge_new_sources(new_sources: list[NewSource], taken: Mapping[str, str]) -> tuple[list[NewSource], list[Problem]]:
    """One source per name: the same source written twice is merged; a name already in use is an error."""
    merged: dict[str, NewSource] = {}
    problems = []
    for source in new_sources:
        first = merged.get(source.slug)
        if source.slug in taken:
            problems.append(problem("nieuwe-bron-bezet", source.rel, source.line, source.path, title=source.title,
                                    slug=source.slug, other=taken[source.slug]))
        elif first is None:
            merged[source.slug] = copy.deepcopy(source)
        elif first.own_fields() != source.own_fields():
            names = _differences(first.own_fields(), source.own_fields())
            problems.append(problem("nieuwe-bron-anders", source.rel, source.line, source.path, title=source.title,
                                    slug=source.slug, other=f"{first.rel} (regel {first.line})",
                                    names=", ".join(names)))
        else:   # the same source: it was checked last on the latest of the dates of the entries citing it
            for name in INHERITED:
                if source.record.get(name, "") > first.record.get(name, ""):
                    first.record[name] = source.record[name]
    return list(merged.values()), problems


def _differences(first: Mapping[str, Any], second: Mapping[str, Any]) -> list[str]:
    return sorted(name for name in set(first) | set(second) if first.get(name) != second.get(name))


def with_slugs(data: dict[str, Any], new_sources: list[NewSource]) -> dict[str, Any]:
    """The entry's data with each new source replaced by its file name, as if it had been written so."""
    if not new_sources:
        return data
    data = copy.deepcopy(data)
    for source in new_sources:
        target: Any = data
        for part in source.path[:-1]:
            target = target[part]
        target[source.path[-1]] = source.slug
    return data
