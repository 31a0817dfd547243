"""Lists of catalogue entries inside hand-written pages, so a page never names an entry that is gone.

A page says in its front matter which entries of a kind it gathers (those with any of
these values; {} for all), and a marker in its text says where that list goes; the list
replaces the marker::

    ---
    lijsten:
      checklists: {doelgroepen: [gemeenten], themas: [beleid]}
      voorbeelden: {}
    ---
    ## Checklists
    <!-- lijst: checklists -->

    fill_lists(markdown, meta["lijsten"], catalogue, "voor/gemeente-en-beleid.md")
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.model import Catalogue, Entry
from kennisbank.pages import Links

MARKER = re.compile(r"^<!-- lijst: ([a-z]+) -->$", re.MULTILINE)
NOTHING = "Hier staat nog niets.\n"


class ListError(ValueError):
    """A page asks for a list the catalogue cannot make (an unknown kind, or a kind its front matter does not set)."""


def matching(catalogue: Catalogue, folder: str, wanted: Mapping[str, Sequence[str]]) -> list[Entry]:
    """The entries of one kind with at least one of the wanted values (all without any), in display order."""
    return [entry for entry in catalogue.of_kind(folder)
            if not wanted or any(value in entry.values(name) for name, values in wanted.items() for value in values)]


def fill_lists(markdown: str, wanted: Mapping[str, Mapping[str, Sequence[str]]], catalogue: Catalogue, page: str) -> str:
    """`markdown` with each marker replaced by a list of links (relative to `page`), each with a summary."""
    links = Links(catalogue, page, set())

    def one(marker: re.Match) -> str:
        folder = marker.group(1)
        if folder not in KINDS_BY_FOLDER or folder not in wanted:
            raise ListError(f"{page}: bij '{marker.group(0)}' hoort in de front matter 'lijsten: {folder}: ...', "
                            f"met een van deze soorten items: {', '.join(KINDS_BY_FOLDER)}.")
        return links.entry_list(matching(catalogue, folder, wanted[folder] or {})) or NOTHING

    return MARKER.sub(one, markdown)
