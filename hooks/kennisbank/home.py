"""What the home page shows besides its text: routes, featured entries and the themes, as tiles.

The home page's front matter names its routes and featured entries; the themes come from
the word list. Each tile points at a page in the docs folder (a .md path), which the
MkDocs hook turns into an address::

    tiles = home_tiles(catalogue, page.meta)
    tiles["themas"][0].icon    # "material/account-child-outline" (an icon Material ships)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kennisbank.model import Catalogue
from kennisbank.templates import summary

# One icon per theme (catalogue/vocabulaires/themas.yml), from the icons Material for MkDocs ships
# (material/templates/.icons/); a test checks that every theme has one and that the file exists.
THEME_ICONS = {
    "ouderperspectief": "material/human-male-female-child",
    "jongerenparticipatie": "material/account-voice",
    "beleid": "material/town-hall",
    "werken-in-organisaties": "material/office-building",
    "training": "material/school",
    "onderzoek": "material/flask-outline",
    "leernetwerken": "material/lan",
    "ondersteuning": "material/hand-heart",
    "vergoeding": "material/cash",
    "stigma": "material/eye-off",
    "informatie": "material/information-outline",
}
DEFAULT_ICON = "material/tag-outline"
FEATURED_ICON = "material/star-outline"


@dataclass(frozen=True)
class Tile:
    title: str
    text: str
    path: str      # the page it leads to, in the docs folder: "voorbeelden/x.md"
    icon: str      # "material/school"


FEATURED = 3   # featured examples on the home page; the first examples fill up for names that are gone


def home_tiles(catalogue: Catalogue, meta: Mapping, warn: Callable[[str], None] = lambda line: None
               ) -> dict[str, list[Tile]]:
    """The tiles of the home page. A featured entry that does not exist is left out with a warning
    (a test holds the real home page to its list), so another catalogue still builds."""
    routes = [Tile(r["titel"], r["tekst"], r["pagina"], r["icoon"]) for r in meta.get("routes", ())]
    chosen = []
    for key in meta.get("uitgelicht", ()):
        folder, _, slug = str(key).partition("/")
        try:
            chosen.append(catalogue.get(folder, slug))
        except KeyError:
            warn(f"De startpagina noemt bij 'uitgelicht' het item '{key}', maar dat bestaat niet; het wordt "
                 f"overgeslagen. Schrijf het als map/bestandsnaam, bijvoorbeeld voorbeelden/naam-van-het-voorbeeld.")
    chosen += [e for e in catalogue.of_kind("voorbeelden") if e not in chosen][:max(0, FEATURED - len(chosen))]
    featured = [Tile(e.title, summary(e.fields["beschrijving"]), e.path, FEATURED_ICON) for e in chosen]
    vocabulary = catalogue.schema.vocabulary_of("themas")
    themes = [Tile(term.label, term.explanation, f"{vocabulary.name}/{term.value}.md",
                   THEME_ICONS.get(term.value, DEFAULT_ICON))
              for term in vocabulary.terms if catalogue.with_value("themas", term.value)]
    return {"routes": routes, "uitgelicht": featured, "themas": themes}
