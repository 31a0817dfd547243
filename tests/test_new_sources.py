"""A source written out in an entry's list of sources: one pull request for an entry and its new source.

It becomes a source entry like a file in catalogue/bronnen (same schema, its own page, in the
exports and the explorer); written twice it is one source; a name already in use is an error.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kennisbank import CatalogueError, load_catalogue
from kennisbank.exports import catalogue_csv, catalogue_json
from kennisbank.explorer import render_explorer
from kennisbank.pages import Renderer

ORG = "organisaties/jongerenraad-test.yml"
TODAY = dt.date(2026, 11, 23)
NEW = """
  - titel: Jaarverslag 2024
    uitgever: Jongerenraad Test
    organisatie: jongerenraad-test
    soort: brochure
    jaar: 2025
    url: https://www.voorbeeld.nl/jaarverslag-2024.pdf
    beschrijving: Wat de raad in 2024 deed."""


def with_new_source(tiny, rel: str = ORG, source: str = NEW) -> None:
    tiny.edit(rel, "  - een-bron", "  - een-bron" + source)


def found(tiny) -> list[tuple[str, str, int | None]]:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root, today=TODAY)
    return [(p.code, p.file, p.line) for p in caught.value.problems]


def test_a_new_source_becomes_a_source_entry_with_the_entrys_date(tiny):
    with_new_source(tiny)
    catalogue = load_catalogue(tiny.root, today=TODAY)
    source = catalogue.get("bronnen", "jaarverslag-2024")
    assert dict(source.fields) == {
        "titel": "Jaarverslag 2024", "uitgever": "Jongerenraad Test", "organisatie": "jongerenraad-test",
        "soort": "brochure", "jaar": 2025, "url": "https://www.voorbeeld.nl/jaarverslag-2024.pdf",
        "beschrijving": "Wat de raad in 2024 deed.", "laatst_gecontroleerd": "2026-11-01"}
    assert source.file == f"catalogue/{ORG}"   # its page's edit button opens the file it is written in
    organisation = catalogue.get("organisaties", "jongerenraad-test")
    assert organisation.fields["bronnen"] == ("een-bron", "jaarverslag-2024")
    assert catalogue.referrers(source) == [organisation]


def test_other_entries_can_name_it_and_every_page_and_export_shows_it(tiny):
    with_new_source(tiny)
    tiny.edit("voorbeelden/jongeren-geven-advies.yml", "  - een-bron", "  - jaarverslag-2024")
    catalogue = load_catalogue(tiny.root, today=TODAY)
    pages = Renderer(catalogue, TODAY).pages()
    assert "[Jaarverslag 2024](../bronnen/jaarverslag-2024.md), Jongerenraad Test (2025)" in \
        pages["voorbeelden/jongeren-geven-advies.md"]
    assert "Uitgever\n:   [Jongerenraad Test](../organisaties/jongerenraad-test.md)" in \
        pages["bronnen/jaarverslag-2024.md"]
    assert "jaarverslag-2024" in pages["bronnen/index.md"]
    records = json.loads(catalogue_json(catalogue, "https://x.nl/", TODAY))["items"]
    assert {"id": "bronnen/jaarverslag-2024"}.items() <= next(r for r in records if r["id"].endswith("2024")).items()
    assert "bronnen/jaarverslag-2024" in catalogue_csv(catalogue, "https://x.nl/")
    assert 'data-kb-item="bronnen/jaarverslag-2024"' in render_explorer(catalogue, TODAY)


def test_it_is_checked_by_the_source_schema_at_its_own_lines(tiny):
    with_new_source(tiny, source=NEW.replace("    soort: brochure\n", "").replace("jaar: 2025", "jaar: 2025 of 2026")
                    .replace("https://www.voorbeeld.nl/jaarverslag-2024.pdf", "www.voorbeeld.nl"))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root, today=TODAY)
    problems = [(p.code, p.line, p.path) for p in caught.value.problems]
    assert problems == [("verplicht-veld", 13, ("bronnen", 1, "soort")), ("geen-getal", 16, ("bronnen", 1, "jaar")),
                        ("webadres-zonder-begin", 17, ("bronnen", 1, "url"))]
    messages = [p.message for p in caught.value.problems]
    assert messages[0].startswith("het veld 'soort' bij de tweede bron ontbreekt.")


def test_a_wrong_date_of_the_entry_is_reported_once_not_again_for_its_new_source(tiny):
    with_new_source(tiny)
    tiny.edit(ORG, "laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 1-11-2026")
    problems = found(tiny)
    assert len(problems) == 1 and problems[0][2] != 12, problems


def test_placeholders_and_texts_in_it_are_checked_too(tiny):
    with_new_source(tiny, source=NEW.replace("Wat de raad in 2024 deed.", "VUL IN")
                    .replace("uitgever: Jongerenraad Test", "uitgever: <b>Raad</b>"))
    assert found(tiny) == [("html", f"catalogue/{ORG}", 14), ("niet-ingevuld-verplicht", f"catalogue/{ORG}", 19)]


def test_its_reference_to_an_organisation_is_checked(tiny):
    with_new_source(tiny, source=NEW.replace("organisatie: jongerenraad-test", "organisatie: bestaat-niet"))
    assert found(tiny) == [("bestaat-niet", f"catalogue/{ORG}", 15)]


def test_the_same_new_source_in_two_entries_is_one_source(tiny):
    with_new_source(tiny)
    with_new_source(tiny, "voorbeelden/jongeren-geven-advies.yml", NEW.replace("  ", "  ", 1))
    tiny.edit("voorbeelden/jongeren-geven-advies.yml", "2026-11-01", "2026-11-20")
    catalogue = load_catalogue(tiny.root, today=TODAY)
    [source] = [e for e in catalogue.of_kind("bronnen") if e.slug == "jaarverslag-2024"]
    assert source.fields["laatst_gecontroleerd"] == "2026-11-20"   # the latest check of the entries citing it
    assert len(catalogue.referrers(source)) == 2


def test_two_different_new_sources_with_one_name_are_an_error(tiny):
    with_new_source(tiny)
    with_new_source(tiny, "voorbeelden/jongeren-geven-advies.yml", NEW.replace("jaar: 2025", "jaar: 2024"))
    [problem] = load_problems(tiny)
    assert (problem.code, problem.file, problem.line) == ("nieuwe-bron-anders",
                                                          "catalogue/voorbeelden/jongeren-geven-advies.yml", 10)
    assert "(jaar)" in problem.message and f"catalogue/{ORG} (regel 13)" in problem.message


def test_a_new_source_whose_name_is_taken_says_to_use_the_name(tiny):
    with_new_source(tiny, source=NEW.replace("Jaarverslag 2024", "Een bron"))
    [problem] = load_problems(tiny)
    assert (problem.code, problem.line) == ("nieuwe-bron-bezet", 13)
    assert "Schrijf dan alleen '- een-bron'." in problem.message


def test_a_title_without_letters_gives_no_name(tiny):
    with_new_source(tiny, source=NEW.replace("titel: Jaarverslag 2024", 'titel: "!!!"'))
    assert found(tiny) == [("nieuwe-bron-naam", f"catalogue/{ORG}", 13)]


def test_the_glossary_names_its_sources_by_file(tiny):
    tiny.write("begrippen.yml", """
        - term: Ervaringskennis
          uitleg: Kennis uit eigen ervaring.
          bronnen:
            - titel: Een boek
              uitgever: Iemand
              soort: onderzoek
              beschrijving: Over ervaringskennis.
    """)
    assert found(tiny) == [("nieuwe-bron-in-begrippen", "catalogue/begrippen.yml", 4)]


def load_problems(tiny):
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root, today=TODAY)
    return caught.value.problems
