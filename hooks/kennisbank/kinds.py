"""The five kinds of entry, each a folder of the catalogue and a part of the site.

    KINDS_BY_FOLDER["organisaties"].singular   # "organisatie"
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A folder of the catalogue and the words the site uses for it."""

    folder: str          # catalogue/<folder>/ and the URL /<folder>/
    singular: str        # "organisatie"
    plural: str          # "Organisaties"
    title_field: str     # "naam" or "titel"
    intro: str           # first lines of the overview page


KINDS: tuple[Kind, ...] = (
    Kind("organisaties", "organisatie", "Organisaties", "naam",
         "Organisaties, netwerken en raden die werken met ervaringsdeskundige jongeren en ouders."),
    Kind("voorbeelden", "voorbeeld", "Goede voorbeelden",
         "titel", "Manieren van werken met ervaringsdeskundigen waar je van kunt leren."),
    Kind("checklists", "checklist", "Checklists", "titel",
         "Lijsten met vragen om na te lopen. Je kunt ze printen als werkblad."),
    Kind("agenda", "agendapunt", "Ontwikkelagenda", "titel",
         "Vragen waar ervaringsdeskundigen, organisaties en gemeenten de komende tijd samen aan werken."),
    Kind("bronnen", "bron", "Bronnen", "titel",
         "De teksten waar de kennisbank op steunt. Elk item noemt zijn bronnen."),
)
KINDS_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
