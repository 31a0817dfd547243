"""Rendering: entry pages, overviews, facet pages and links both ways."""

from __future__ import annotations

import datetime as dt

from kennisbank import load_catalogue
from kennisbank.pages import Renderer


def pages_of(tiny, today=dt.date(2026, 11, 23)):
    return Renderer(load_catalogue(tiny.root), today).pages()


def test_a_page_per_entry_overview_and_facet(tiny):
    pages = pages_of(tiny)
    for path in ("organisaties/jongerenraad-test.md", "voorbeelden/jongeren-geven-advies.md", "bronnen/een-bron.md",
                 "organisaties/index.md", "voorbeelden/index.md", "checklists/index.md", "agenda/index.md",
                 "bronnen/index.md", "themas/index.md", "themas/jongerenparticipatie.md",
                 "doelgroepen/jongeren.md", "werkgebieden/landelijk.md"):
        assert path in pages, path
    # Facet values nobody uses get no page.
    assert "themas/vergoeding.md" not in pages


def test_organisation_page_lists_its_examples_and_sources(tiny):
    page = pages_of(tiny)["organisaties/jongerenraad-test.md"]
    assert page.startswith('---\ntitle: "Jongerenraad Test"\n')
    assert "# Jongerenraad Test (JRT)" in page
    assert "## Goede voorbeelden\n\n- [Jongeren geven advies](../voorbeelden/jongeren-geven-advies.md)" in page
    assert "## Bronnen\n\n- [Een bron](../bronnen/een-bron.md), Een uitgever" in page
    assert "[Jongeren doen mee](../themas/jongerenparticipatie.md)" in page
    assert 'Laatst gecontroleerd op <time datetime="2026-11-01">1 november 2026</time>.' in page


def test_source_page_lists_what_cites_it(tiny):
    page = pages_of(tiny)["bronnen/een-bron.md"]
    assert "**Organisaties:** [Jongerenraad Test](../organisaties/jongerenraad-test.md)" in page
    assert "**Goede voorbeelden:** [Jongeren geven advies](../voorbeelden/jongeren-geven-advies.md)" in page


def test_example_page_names_its_organisation(tiny):
    page = pages_of(tiny)["voorbeelden/jongeren-geven-advies.md"]
    assert "**Wie:** [Jongerenraad Test](../organisaties/jongerenraad-test.md)" in page
    assert "## Hoe werkt het?\n\nZe komen vier keer per jaar samen." in page


def test_overview_table_links_every_organisation(tiny):
    page = pages_of(tiny)["organisaties/index.md"]
    assert "| Organisatie | In het kort | Soort | Werkgebied |" in page
    assert ("| [Jongerenraad Test (JRT)](jongerenraad-test.md) | Een raad van jongeren. | Jongerenorganisatie "
            "| Landelijk |") in page


def test_overview_table_cuts_a_long_description_at_a_word(tiny):
    long = "Een raad van jongeren uit " + "heel veel verschillende gemeenten, " * 5 + "die advies geven."
    tiny.edit("organisaties/jongerenraad-test.yml", "Een raad van jongeren. Ze geven advies.", long)
    row = next(line for line in pages_of(tiny)["organisaties/index.md"].splitlines() if "Jongerenraad" in line)
    short = row.split(" | ")[1]
    assert short.endswith("…") and len(short) <= 120, short
    kept = short.removesuffix("…")
    assert long.startswith(kept) and long[len(kept)] in " ,", "cut between two words"
    assert kept[-1].isalpha(), "no comma before the …"


def test_stale_entry_is_marked(tiny):
    fresh = pages_of(tiny, today=dt.date(2027, 10, 1))["organisaties/jongerenraad-test.md"]
    stale = pages_of(tiny, today=dt.date(2027, 12, 1))["organisaties/jongerenraad-test.md"]
    assert "Mogelijk verouderd" not in fresh
    assert '!!! warning "Mogelijk verouderd"' in stale


def test_markdown_in_titles_is_escaped(tiny):
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    path.write_text(path.read_text().replace("naam: Jongerenraad Test", "naam: \"Raad [test] *a*\""))
    page = pages_of(tiny)["organisaties/index.md"]
    assert r"[Raad \[test\] \*a\* (JRT)](jongerenraad-test.md)" in page
