"""The typed model the pages are rendered from: kinds, entries and the catalogue with its links.

Entries are immutable; the catalogue works out once which entry refers to which,
so templates can ask for back-links without searching::

    catalogue.get("organisaties", "nationale-jeugdraad").title
    catalogue.referrers(entry)      # entries that cite or mention `entry`
"""

from __future__ import annotations

import copyreg
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from kennisbank.problems import Problem
from kennisbank.vocabularies import Vocabulary


@dataclass(frozen=True)
class Kind:
    """A folder of the catalogue and the words the site uses for it."""

    folder: str          # catalogue/<folder>/ and the URL /<folder>/
    singular: str        # "organisatie"
    plural: str          # "Organisaties"
    title_field: str     # "naam" or "titel"
    intro: str           # first lines of the overview page

    @property
    def schema_file(self) -> str:
        return f"{self.folder}.schema.json"


KINDS: tuple[Kind, ...] = (
    Kind("organisaties", "organisatie", "Organisaties", "naam",
         "Organisaties, netwerken en raden die werken met ervaringsdeskundige jongeren en ouders."),
    Kind("voorbeelden", "voorbeeld", "Goede voorbeelden",
         "titel", "Manieren van werken met ervaringsdeskundigen waar je van kunt leren."),
    Kind("checklists", "checklist", "Checklists", "titel",
         "Lijsten met vragen om na te lopen. Je kunt ze printen als werkblad."),
    Kind("agenda", "agendapunt", "Ontwikkelagenda", "titel",
         "Vragen waar het veld de komende tijd samen aan werkt."),
    Kind("bronnen", "bron", "Bronnen", "titel",
         "De teksten waar de kennisbank op steunt. Elk item noemt zijn bronnen."),
)
KINDS_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}

# Fields holding references, and the kind they point to; "gerelateerd" names its own kind.
REFERENCE_FIELDS: dict[str, str] = {
    "bronnen": "bronnen",
    "organisaties": "organisaties",
    "onderdeel_van": "organisaties",
    "organisatie": "organisaties",
}

# Vocabularies that get an overview page per value.
FACETS: tuple[tuple[str, str, str], ...] = (
    # (field in entries, vocabulary file, page folder)
    ("themas", "themas", "themas"),
    ("doelgroepen", "doelgroepen", "doelgroepen"),
    ("werkgebied", "werkgebieden", "werkgebieden"),
)


@dataclass(frozen=True)
class Entry:
    kind: Kind
    slug: str
    file: str                      # "catalogue/organisaties/njr.yml"
    fields: Mapping[str, Any]      # the validated YAML, read-only

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind.folder, self.slug)

    @property
    def title(self) -> str:
        return self.fields[self.kind.title_field]

    @property
    def short_title(self) -> str:
        return self.fields.get("afkorting") or self.title

    @property
    def path(self) -> str:
        """Source path of the generated page, relative to the docs dir."""
        return f"{self.kind.folder}/{self.slug}.md"

    @property
    def checked(self) -> dt.date:
        return dt.date.fromisoformat(self.fields["laatst_gecontroleerd"])

    def values(self, name: str) -> tuple[str, ...]:
        value = self.fields.get(name) or ()
        return (value,) if isinstance(value, str) else tuple(value)

    def references(self) -> Iterator[tuple[str, str, str]]:
        """(field, folder, slug) for every entry this one points to."""
        for name, folder in REFERENCE_FIELDS.items():
            for slug in self.values(name):
                yield name, folder, slug
        for item in self.fields.get("punten") or ():
            if isinstance(item, Mapping) and item.get("bron"):
                yield "punten.bron", "bronnen", item["bron"]
        for ref in self.values("gerelateerd"):
            folder, _, slug = ref.partition("/")
            yield "gerelateerd", folder, slug


def freeze(value: Any) -> Any:
    """Plain data as read from YAML, made read-only: dicts become mapping proxies, lists tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: v if type(v) is str else freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(v if type(v) is str else freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...]
    vocabularies: Mapping[str, Vocabulary]
    warnings: tuple[Problem, ...] = ()
    _by_key: dict[tuple[str, str], Entry] = field(init=False, repr=False, compare=False)
    _referrers: dict[tuple[str, str], tuple[Entry, ...]] | None = field(init=False, repr=False, compare=False)
    _sorted: tuple[Entry, ...] = field(init=False, repr=False, compare=False)
    _by_value: dict[str, dict[str, tuple[Entry, ...]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexes built once, in display order, so the pages (thousands of lookups) never scan or sort.
        # The ones only pages need are made on first use: validation alone does not pay for them.
        object.__setattr__(self, "_sorted", tuple(sorted(self.entries, key=sort_key)))
        object.__setattr__(self, "_by_key", {entry.key: entry for entry in self.entries})
        object.__setattr__(self, "_referrers", None)
        object.__setattr__(self, "_by_value", {})

    def of_kind(self, folder: str) -> list[Entry]:
        return [e for e in self._sorted if e.kind.folder == folder]

    def get(self, folder: str, slug: str) -> Entry:
        return self._by_key[(folder, slug)]

    def referrers(self, entry: Entry, folder: str | None = None) -> list[Entry]:
        """Entries that point to `entry`, optionally only those of one kind."""
        if self._referrers is None:   # one pass over all references, on first use
            referrers: dict[tuple[str, str], list[Entry]] = {}
            for source in self._sorted:
                # Each target once per entry, deduplicated by key: comparing entries field by field is slow.
                for target in dict.fromkeys((folder, slug) for _, folder, slug in source.references()):
                    referrers.setdefault(target, []).append(source)
            object.__setattr__(self, "_referrers", {key: tuple(found) for key, found in referrers.items()})
        found = self._referrers.get(entry.key, ())
        return [e for e in found if folder is None or e.kind.folder == folder]

    def with_value(self, name: str, value: str) -> list[Entry]:
        if name not in self._by_value:  # one pass per field, on first use
            index: dict[str, list[Entry]] = {}
            for entry in self._sorted:
                for item in entry.values(name):
                    if isinstance(item, str):
                        index.setdefault(item, []).append(entry)
            self._by_value[name] = {k: tuple(v) for k, v in index.items()}
        return list(self._by_value[name].get(value, ()))


def sort_key(entry: Entry) -> tuple:
    return (entry.fields.get("volgorde", 0), entry.title.casefold())


# Frozen fields can be pickled, so they can be frozen in the process that checked the file
# (kennisbank.parallel) instead of all in the main process afterwards.
def _read_only(fields: dict) -> MappingProxyType:
    return MappingProxyType(fields)


copyreg.pickle(MappingProxyType, lambda proxy: (_read_only, (dict(proxy),)))
