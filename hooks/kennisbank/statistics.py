"""The statistics page (/statistieken/): how many entries per kind and facet, and which need a check.

Counts come straight from the Catalogue; "due for a check" is Catalogue.due_for_check,
the same rule and order as the warning on an entry page and `kennisbank verouderd`::

    counts_per_value(catalogue, "themas")     # [("beleid", "Beleid en gemeenten", {...}), ...]
    markdown = render_statistics(catalogue, today)   # statistieken/index.md
"""

from __future__ import annotations

import datetime as dt

from kennisbank.kinds import KINDS
from kennisbank.model import FACET_FIELDS, STALE_AFTER_DAYS, Catalogue
from kennisbank.pages import Renderer

PAGE = "statistieken/index.md"

# Per facet field: (heading of the table's first column, section title).
HEADINGS = {"themas": ("Thema", "Items per thema"), "doelgroepen": ("Doelgroep", "Items per doelgroep"),
            "werkgebied": ("Werkgebied", "Items per werkgebied")}


def counts_per_kind(catalogue: Catalogue) -> dict[str, int]:
    return {kind.folder: len(catalogue.of_kind(kind.folder)) for kind in KINDS}


def counts_per_value(catalogue: Catalogue, field: str) -> list[tuple[str, str, dict[str, int]]]:
    """Every value of the field's word list, in list order, with the number of entries per kind (0 included)."""
    rows = []
    for term in catalogue.schema.vocabulary_of(field).terms:
        per_kind = {kind.folder: 0 for kind in KINDS}
        for entry in catalogue.with_value(field, term.value):
            per_kind[entry.kind.folder] += 1
        rows.append((term.value, term.label, per_kind))
    return rows


def render_statistics(catalogue: Catalogue, today: dt.date) -> str:
    tables = [(field, *HEADINGS[field], counts_per_value(catalogue, field)) for field in FACET_FIELDS]
    return Renderer(catalogue, today).render(
        "statistics.md.j2", PAGE, per_kind=counts_per_kind(catalogue), tables=tables,
        due=catalogue.due_for_check(today), stale_after_days=STALE_AFTER_DAYS)
