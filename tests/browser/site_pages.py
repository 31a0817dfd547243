"""The page types of the site, for the browser tests (accessibility, privacy, keyboard)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def first_entry(folder: str) -> str:
    """URL path of the first entry of a kind in the real catalogue (entries come and go)."""
    files = sorted((ROOT / "catalogue" / folder).glob("*.yml"))
    return f"{folder}/{files[0].stem}/" if files else f"{folder}/GEEN-ITEMS/"


# Every page type, by URL path relative to the site root. Shared by the accessibility
# and privacy tests; keep it explicit so a missing page fails instead of vanishing.
PAGE_TYPES: dict[str, str] = {
    "start": "",
    "route": "voor/gemeente-en-beleid/",
    "overzicht": "organisaties/",
    "organisatie": first_entry("organisaties"),
    "voorbeeld": first_entry("voorbeelden"),
    "checklist": first_entry("checklists"),
    "agendapunt": first_entry("agenda"),
    "bron": first_entry("bronnen"),
    "facetpagina": "themas/jongerenparticipatie/",
    "tekstpagina": "wat-is-ervaringsdeskundigheid/",
    "verkenner": "verkennen/",
    "statistieken": "statistieken/",
    "open-data": "open-data/",
    "handboek": "handboek/",
    "bijdragen": "bijdragen/",
}
