"""The structure of Samen Wijzer as one picture: 6 points of added value, 5 bottlenecks, 4 agenda points.

Drawn from the catalogue (the word lists meerwaarde and knelpunten, the numbered agenda
points), as SVG through templates/structuur.svg.j2; the site shows it and the handbook
prints it, from the same file::

    svg = structure_svg(catalogue)      # "<svg ...>...</svg>"
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from kennisbank.model import Catalogue
from kennisbank.templates import environment

PATH = "assets/structuur.svg"   # in the site
COLUMN, GAP, MARGIN, LINE = 300, 30, 20, 19   # pixels
WIDTH = 2 * MARGIN + 3 * COLUMN + 2 * GAP
WRAP = 30                                     # characters per line of an item


@dataclass(frozen=True)
class Item:
    number: int
    lines: tuple[str, ...]
    y: float
    height: float


@dataclass(frozen=True)
class Column:
    title: str          # "Meerwaarde"
    subtitle: str       # "wat ervaringsdeskundigen toevoegen"
    count: int
    x: float
    link: str           # the page that explains it, relative to the site root
    items: tuple[Item, ...]


def columns(catalogue: Catalogue) -> list[Column]:
    agenda = [e.title for e in catalogue.of_kind("agenda") if e.fields.get("volgorde")]
    groups = [
        ("Meerwaarde", "wat ervaring toevoegt",
         [t.label for t in catalogue.schema.vocabulary_of("meerwaarde").terms], "meerwaarde/"),
        ("Knelpunten", "en eyeopeners", [t.label for t in catalogue.schema.vocabulary_of("knelpunt").terms],
         "knelpunten/"),
        ("Ontwikkelagenda", "om samen wijzer te worden", agenda, "agenda/"),
    ]
    found = []
    for index, (title, subtitle, labels, link) in enumerate(groups):
        y, items = 110.0, []
        for number, label in enumerate(labels, 1):
            lines = tuple(textwrap.wrap(label, WRAP))
            height = 22 + LINE * len(lines)
            items.append(Item(number, lines, y, height))
            y += height + 10
        found.append(Column(title, subtitle, len(labels), MARGIN + index * (COLUMN + GAP), link, tuple(items)))
    return found


def structure_svg(catalogue: Catalogue) -> str:
    groups = columns(catalogue)
    height = max(item.y + item.height for group in groups for item in group.items) + 20
    return environment(html=True).get_template("structuur.svg.j2").render(
        groups=groups, width=WIDTH, height=height, column=COLUMN, line=LINE)
