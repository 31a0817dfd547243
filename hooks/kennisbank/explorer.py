"""The catalogue explorer (/verkennen/): every entry, filterable by kind and facets.

The page lists every entry in plain Markdown, so it works without JavaScript. Its
filter data is a JSON document generated at build time and embedded in the page
(a <script type="application/json">), so filtering also works from the offline zip,
where a browser opened on file:// refuses to fetch a separate JSON file.
docs/assets/verkenner.js reads it, hides what does not match and keeps the filter
state in the query string (?thema=beleid&doelgroep=ouders)::

    markdown = render_explorer(catalogue, Path("catalogue"))   # verkennen/index.md
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kennisbank.exports import records
from kennisbank.model import KINDS, Catalogue
from kennisbank.pages import Renderer

PAGE = "verkennen/index.md"
SCRIPT = "assets/verkenner.js"


@dataclass(frozen=True)
class Filter:
    """A group of checkboxes; `param` is its name in the query string."""

    param: str
    legend: str
    field: str            # field of the export records
    vocabulary: str = ""  # "" for the kind of entry


FILTERS: tuple[Filter, ...] = (
    Filter("soort", "Soort item", "categorie"),
    Filter("thema", "Thema", "themas", "themas"),
    Filter("doelgroep", "Doelgroep", "doelgroepen", "doelgroepen"),
    Filter("werkgebied", "Werkgebied", "werkgebied", "werkgebieden"),
    Filter("domein", "Domein", "domeinen", "domeinen"),
    Filter("rol", "Rol van ervaringsdeskundigen", "rollen", "rollen"),
)


def record_values(record: dict[str, Any], field: str) -> list[str]:
    value = record.get(field) or []
    return [value] if isinstance(value, str) else list(value)


def explorer_data(catalogue: Catalogue, root: Path,
                  exported: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """{"filters": [param, ...], "items": [{"id": "organisaties/bmc", "soort": [...], "thema": [...]}]}.

    Empty facets are left out of an item to keep the page light. `exported`: the export
    records (exports.records), when the caller has them already.
    """
    items = []
    for record in records(catalogue, root) if exported is None else exported:
        item: dict[str, Any] = {"id": record["id"]}
        for spec in FILTERS:
            values = record_values(record, spec.field)
            if values:
                item[spec.param] = values
        items.append(item)
    return {"filters": [spec.param for spec in FILTERS], "items": items}


def filter_options(catalogue: Catalogue, data: dict[str, Any]) -> list[tuple[Filter, list[tuple[str, str, int]]]]:
    """Per filter the (value, label, count) of every value at least one entry has, in list order."""
    groups = []
    for spec in FILTERS:
        counts: dict[str, int] = {}
        for item in data["items"]:
            for value in item.get(spec.param, ()):
                counts[value] = counts.get(value, 0) + 1
        if spec.vocabulary:
            terms = [(t.value, t.label) for t in catalogue.vocabularies[spec.vocabulary].terms]
        else:
            terms = [(kind.folder, kind.plural) for kind in KINDS]
        groups.append((spec, [(value, label, counts[value]) for value, label in terms if counts.get(value)]))
    return groups


def embedded_json(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element: no '<' can end the element early."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render_explorer(catalogue: Catalogue, root: Path, today: dt.date | None = None,
                    exported: list[dict[str, Any]] | None = None) -> str:
    data = explorer_data(catalogue, root, exported)
    entries = [entry for kind in KINDS for entry in catalogue.of_kind(kind.folder)]
    renderer = Renderer(catalogue, today)
    return renderer.render("explorer.md.j2", PAGE, groups=filter_options(catalogue, data), entries=entries,
                           data_json=embedded_json(data), script=SCRIPT)
