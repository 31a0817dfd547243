"""The catalogue explorer (/verkennen/): every entry, filterable by kind and facets.

The page lists every entry in plain Markdown, so it works without JavaScript. Its
filter data is a JSON document generated at build time and embedded in the page
(a <script type="application/json">), so filtering also works from the offline zip,
where a browser opened on file:// refuses to fetch a separate JSON file.
docs/assets/verkenner.js reads it, hides what does not match and keeps the filter
state in the query string (?thema=beleid&doelgroep=ouders)::

    markdown = render_explorer(catalogue, today)   # verkennen/index.md
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from kennisbank.kinds import KINDS
from kennisbank.model import Catalogue, Entry
from kennisbank.pages import Renderer

PAGE = "verkennen/index.md"
SCRIPT = "assets/verkenner.js"


@dataclass(frozen=True)
class Filter:
    """A group of checkboxes; `param` is its name in the query string."""

    param: str
    legend: str
    field: str            # the entries' field; "" for the kind of entry


FILTERS: tuple[Filter, ...] = (
    Filter("soort", "Soort item", ""),
    Filter("thema", "Thema", "themas"),
    Filter("doelgroep", "Doelgroep", "doelgroepen"),
    Filter("werkgebied", "Werkgebied", "werkgebied"),
    Filter("domein", "Domein", "domeinen"),
    Filter("rol", "Rol van ervaringsdeskundigen", "rollen"),
)


def _values(entry: Entry, spec: Filter) -> tuple[str, ...]:
    return entry.values(spec.field) if spec.field else (entry.kind.folder,)


def explorer_data(catalogue: Catalogue) -> dict[str, Any]:
    """{"filters": [param, ...], "items": [{"id": "organisaties/bmc", "soort": [...], "thema": [...]}]}.

    Empty facets are left out of an item to keep the page light.
    """
    items = []
    for entry in catalogue.sorted_entries():
        item: dict[str, Any] = {"id": f"{entry.kind.folder}/{entry.slug}"}
        for spec in FILTERS:
            if values := _values(entry, spec):
                item[spec.param] = list(values)
        items.append(item)
    return {"filters": [spec.param for spec in FILTERS], "items": items}


def filter_options(catalogue: Catalogue) -> list[tuple[Filter, list[tuple[str, str, int]]]]:
    """Per filter the (value, label, count) of every value at least one entry has, in list order."""
    groups = []
    for spec in FILTERS:
        counts: dict[str, int] = {}
        for entry in catalogue.entries:
            for value in _values(entry, spec):
                counts[value] = counts.get(value, 0) + 1
        terms = ([(t.value, t.label) for t in catalogue.schema.vocabulary_of(spec.field).terms] if spec.field
                 else [(kind.folder, kind.plural) for kind in KINDS])
        groups.append((spec, [(value, label, counts[value]) for value, label in terms if counts.get(value)]))
    return groups


def embedded_json(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element: no '<' can end the element early."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render_explorer(catalogue: Catalogue, today: dt.date) -> str:
    return Renderer(catalogue, today).render(
        "explorer.md.j2", PAGE, groups=filter_options(catalogue), entries=catalogue.sorted_entries(),
        data_json=embedded_json(explorer_data(catalogue)), script=SCRIPT)
