"""The statistics page (/statistieken/): how many entries per kind and facet, and which need a check.

Counts come straight from the Catalogue; "due for a check" is pages.is_stale, the
same rule that puts the warning on an entry page::

    counts_per_value(catalogue, "themas", "themas")   # [("beleid", "Beleid en gemeenten", {...}), ...]
    markdown = render_statistics(catalogue)          # statistieken/index.md
"""

from __future__ import annotations

import datetime as dt

from kennisbank.model import KINDS, Catalogue, Entry, sort_key
from kennisbank.pages import STALE_AFTER_DAYS, Renderer, is_stale

PAGE = "statistieken/index.md"

# (field, vocabulary, heading of the table's first column, section title)
TABLES: tuple[tuple[str, str, str, str], ...] = (
    ("themas", "themas", "Thema", "Items per thema"),
    ("doelgroepen", "doelgroepen", "Doelgroep", "Items per doelgroep"),
    ("werkgebied", "werkgebieden", "Werkgebied", "Items per werkgebied"),
)


def counts_per_kind(catalogue: Catalogue) -> dict[str, int]:
    return {kind.folder: len(catalogue.of_kind(kind.folder)) for kind in KINDS}


def counts_per_value(catalogue: Catalogue, field: str, vocabulary: str) -> list[tuple[str, str, dict[str, int]]]:
    """Every value of the vocabulary, in list order, with the number of entries per kind (0 included)."""
    rows = []
    for term in catalogue.vocabularies[vocabulary].terms:
        per_kind = {kind.folder: 0 for kind in KINDS}
        for entry in catalogue.with_value(field, term.value):
            per_kind[entry.kind.folder] += 1
        rows.append((term.value, term.label, per_kind))
    return rows


def due_for_check(catalogue: Catalogue, today: dt.date | None = None) -> list[Entry]:
    """Entries last checked more than STALE_AFTER_DAYS ago, oldest first."""
    return sorted((e for e in catalogue.entries if is_stale(e, today)), key=lambda e: (e.checked, sort_key(e)))


def render_statistics(catalogue: Catalogue, today: dt.date | None = None) -> str:
    renderer = Renderer(catalogue, today)
    tables = [(field, heading, title, counts_per_value(catalogue, field, vocabulary))
              for field, vocabulary, heading, title in TABLES]
    return renderer.render("statistics.md.j2", PAGE, per_kind=counts_per_kind(catalogue), tables=tables,
                           due=due_for_check(catalogue, renderer.today), stale_after_days=STALE_AFTER_DAYS)
