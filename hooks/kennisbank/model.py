"""The typed model every renderer works from: kinds, entries, and the catalogue with its schema.

Entries are immutable; the catalogue carries its Schema (fields, word lists, references)
and works out once which entry refers to which, so templates can ask for back-links
without searching::

    catalogue.get("organisaties", "nationale-jeugdraad").title
    catalogue.referrers(entry)                      # entries that cite or mention `entry`
    catalogue.schema.vocabulary_of("themas").label("beleid")
    catalogue.due_for_check(today)                  # entries not checked for a year, oldest first
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from slugify import slugify

from kennisbank.kinds import KINDS, Kind
from kennisbank.problems import FieldPath, Problem
from kennisbank.schema import Schema
from kennisbank.vocabularies import Vocabulary


# The fields readers browse by: each value of their word list gets a page (/themas/beleid/),
# in a folder named after the word list.
FACET_FIELDS = ("themas", "doelgroepen", "werkgebied")

STALE_AFTER_DAYS = 365   # an entry not checked against its sources for longer gets a warning


@dataclass(frozen=True)
class Entry:
    kind: Kind
    slug: str
    file: str                      # "catalogue/organisaties/njr.yml"
    fields: Mapping[str, Any]      # the validated YAML, read-only (see freeze)

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind.folder, self.slug)

    @property
    def title(self) -> str:
        return self.fields[self.kind.title_field]

    @property
    def path(self) -> str:
        """Source path of the generated page, relative to the docs dir."""
        return f"{self.kind.folder}/{self.slug}.md"

    @property
    def checked(self) -> dt.date:
        return dt.date.fromisoformat(self.fields["laatst_gecontroleerd"])

    def is_stale(self, today: dt.date) -> bool:
        return (today - self.checked).days > STALE_AFTER_DAYS

    def values(self, name: str) -> tuple[str, ...]:
        value = self.fields.get(name) or ()
        return (value,) if isinstance(value, str) else tuple(value)


def freeze(value: Any) -> Any:
    """Plain data as read from YAML, made read-only: dicts become mapping proxies, lists tuples."""
    if isinstance(value, dict):
        return MappingProxyType({key: freeze(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(freeze(item) for item in value)
    return value


@dataclass(frozen=True)
class GlossaryTerm:
    """One word of catalogue/begrippen.yml: what the site means by it, and where that is read."""

    term: str
    explanation: str               # Markdown
    sources: tuple[str, ...]       # slugs in catalogue/bronnen
    abbreviation: str = ""
    see_also: tuple[str, ...] = ()  # other terms

    @property
    def anchor(self) -> str:
        """Its id on /begrippen/: "social-return-on-investment"."""
        return slugify(self.term)


def sort_key(entry: Entry) -> tuple:
    return (entry.fields.get("volgorde", 0), entry.title.casefold())


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...]            # as read: kind by kind, file by file
    schema: Schema
    warnings: tuple[Problem, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()   # alphabetical

    @property
    def abbreviations(self) -> dict[str, str]:
        """Every abbreviation the site uses, with what it stands for: organisations' own, then the glossary's."""
        found = {e.fields["afkorting"]: e.title for e in self.of_kind("organisaties")
                 if e.fields.get("afkorting") and e.fields["afkorting"] != e.title}
        return found | {term.abbreviation: term.term for term in self.glossary if term.abbreviation}

    @property
    def vocabularies(self) -> Mapping[str, Vocabulary]:
        return self.schema.vocabularies

    # Indexes, each made on first use (cached_property writes past the frozen dataclass).
    @cached_property
    def _sorted(self) -> tuple[Entry, ...]:
        return tuple(sorted(self.entries, key=sort_key))

    @cached_property
    def _by_kind(self) -> dict[str, tuple[Entry, ...]]:
        return {kind.folder: tuple(e for e in self._sorted if e.kind is kind) for kind in KINDS}

    @cached_property
    def _by_key(self) -> dict[tuple[str, str], Entry]:
        return {entry.key: entry for entry in self.entries}

    @cached_property
    def _references(self) -> dict[tuple[str, str], tuple[tuple[FieldPath, str, str], ...]]:
        return {entry.key: tuple(self.schema.references(entry.kind.folder, entry.fields)) for entry in self.entries}

    @cached_property
    def _referrers(self) -> dict[tuple[str, str], tuple[Entry, ...]]:
        found: dict[tuple[str, str], list[Entry]] = {}
        for source in self._sorted:
            for target in dict.fromkeys((folder, slug) for _, folder, slug in self.references(source)):
                found.setdefault(target, []).append(source)
        return {key: tuple(entries) for key, entries in found.items()}

    @cached_property
    def _by_value(self) -> dict[tuple[str, str], tuple[Entry, ...]]:
        found: dict[tuple[str, str], list[Entry]] = {}
        for entry in self._sorted:
            for name, value in entry.fields.items():
                for item in (value,) if isinstance(value, str) else value if isinstance(value, tuple) else ():
                    if isinstance(item, str):
                        found.setdefault((name, item), []).append(entry)
        return {key: tuple(entries) for key, entries in found.items()}

    def sorted_entries(self) -> list[Entry]:
        """Every entry, kind by kind in the order of KINDS, each kind in display order."""
        return [entry for kind in KINDS for entry in self._by_kind[kind.folder]]

    def of_kind(self, folder: str) -> list[Entry]:
        return list(self._by_kind[folder])

    def get(self, folder: str, slug: str) -> Entry:
        return self._by_key[(folder, slug)]

    def references(self, entry: Entry) -> Iterator[tuple[FieldPath, str, str]]:
        """(field path, folder, slug) for every entry `entry` points to."""
        return iter(self._references[entry.key])

    def referrers(self, entry: Entry, folder: str | None = None) -> list[Entry]:
        """Entries that point to `entry`, optionally only those of one kind."""
        return [e for e in self._referrers.get(entry.key, ()) if folder is None or e.kind.folder == folder]

    def also_known_as(self, entry: Entry) -> list[str]:
        """The abbreviations and other names a reader may search `entry` by: its own (an organisation's),
        then those of the organisations it names (an example's, an agenda item's)."""
        names: list[str] = []
        for source in [entry, *(self.get("organisaties", slug) for slug in entry.values("organisaties"))]:
            names += [*source.values("afkorting"), *source.values("andere_namen")]
        return list(dict.fromkeys(names))

    def with_value(self, name: str, value: str) -> list[Entry]:
        """Entries whose field `name` is `value` or lists it, in display order."""
        return list(self._by_value.get((name, value), ()))

    def due_for_check(self, today: dt.date) -> list[Entry]:
        """Entries last checked more than STALE_AFTER_DAYS ago, oldest first."""
        return sorted((e for e in self.entries if e.is_stale(today)), key=lambda e: (e.checked, e.file))
