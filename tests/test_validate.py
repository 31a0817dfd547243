"""Validation: every kind of mistake gives its code, file and line, all in one run.

The Dutch wording of each code is pinned once, in tests/golden/meldingen.txt (test_messages.py).
"""

from __future__ import annotations

import pytest

from conftest import REAL_CATALOGUE
from kennisbank import CatalogueError, load_catalogue

ORG = "catalogue/organisaties/jongerenraad-test.yml"
EXAMPLE = "catalogue/voorbeelden/jongeren-geven-advies.yml"


def problems_of(tiny) -> list:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root)
    return caught.value.problems


def found(tiny) -> list[tuple[str, str, int | None]]:
    """(code, file, line) of every problem, in the order they are reported."""
    return [(p.code, p.file, p.line) for p in problems_of(tiny)]


def test_valid_catalogue_loads(tiny):
    catalogue = load_catalogue(tiny.root)
    assert [e.slug for e in catalogue.entries] == ["jongerenraad-test", "jongeren-geven-advies", "een-bron"]


def test_misspelled_field_is_one_problem_with_a_suggestion(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "beschrijving:", "beschrijvng:")
    [problem] = problems_of(tiny)   # not also "het verplichte veld 'beschrijving' ontbreekt"
    assert (problem.code, problem.file, problem.line, problem.path) == ("onbekend-veld", ORG, 4, ("beschrijvng",))
    assert "Bedoelde je 'beschrijving'?" in problem.message


def test_missing_required_field_and_unknown_field(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "beschrijving:", "website_oud:")
    assert found(tiny) == [("verplicht-veld", ORG, 1), ("onbekend-veld", ORG, 4)]


def test_value_outside_vocabulary_suggests_the_closest(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "  - jongeren\n", "  - jongern\n")
    [problem] = problems_of(tiny)
    assert (problem.code, problem.line, problem.path) == ("niet-in-lijst", 6, ("doelgroepen", 0))
    assert "Bedoelde je 'jongeren'?" in problem.message


def test_missing_source_reference(tiny):
    tiny.edit("voorbeelden/jongeren-geven-advies.yml", "  - een-bron", "  - een-brom")
    [problem] = problems_of(tiny)
    assert (problem.code, problem.file, problem.line) == ("bron-bestaat-niet", EXAMPLE, 9)
    assert "Bedoelde je 'een-bron'?" in problem.message


def test_missing_organisation_and_related_references(tiny):
    tiny.write("voorbeelden/tweede.yml", """
        titel: Tweede
        organisaties:
          - bestaat-niet
        beschrijving: Tekst.
        aanpak: Tekst.
        gerelateerd:
          - checklists/ook-niet
        bronnen:
          - een-bron
        laatst_gecontroleerd: 2026-11-01
    """)
    problems = problems_of(tiny)
    assert [(p.code, p.line, p.path) for p in problems] == [
        ("bestaat-niet", 3, ("organisaties", 0)), ("bestaat-niet", 7, ("gerelateerd", 0))]
    assert "'checklists/ook-niet'" in problems[1].message


def test_a_reference_in_a_field_with_errors_is_not_reported_twice(tiny):
    tiny.edit("voorbeelden/jongeren-geven-advies.yml", "  - een-bron", "  - Een Brom")
    assert found(tiny) == [("geen-bestandsnaam", EXAMPLE, 9)]


def test_url_must_be_http(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "laatst_gecontroleerd:", "website: javascript:alert(1)\n"
                                                                           "laatst_gecontroleerd:")
    assert found(tiny) == [("geen-webadres", ORG, 13)]


@pytest.mark.parametrize("date, code", [("2026-02-30", "dag-bestaat-niet"), ("1-11-2026", "geen-datum"),
                                        ("gisteren", "geen-datum")])
def test_bad_dates(tiny, date, code):
    tiny.edit("bronnen/een-bron.yml", "2026-11-01", date)
    assert found(tiny) == [(code, "catalogue/bronnen/een-bron.yml", 5)]


def test_a_text_where_a_list_belongs_shows_the_list(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "themas:\n  - jongerenparticipatie", "themas: jongerenparticipatie")
    [problem] = problems_of(tiny)
    assert (problem.code, problem.line) == ("geen-lijst", 9)
    assert problem.message.endswith("zo:\n    themas:\n      - jongerenparticipatie")


def test_file_name_must_be_a_slug(tiny):
    (tiny.root / "bronnen/een-bron.yml").rename(tiny.root / "bronnen/Een Bron.yml")
    problem = problems_of(tiny)[0]
    assert (problem.code, problem.file, problem.line) == ("bestandsnaam", "catalogue/bronnen/Een Bron.yml", None)
    assert "'een-bron.yml'" in problem.message


def test_one_slug_in_two_kinds_is_an_error(tiny):
    tiny.write("agenda/een-bron.yml", """
        titel: Punt
        vraag: Hoe?
        beschrijving: Daarom.
        bronnen:
          - een-bron
        laatst_gecontroleerd: 2026-11-01
    """)
    assert found(tiny) == [("naam-bezet", "catalogue/bronnen/een-bron.yml", None)]


def test_every_problem_in_one_run(tiny):
    tiny.write("organisaties/kapot.yml", "naam: x\n  soort: y\n")
    tiny.edit("voorbeelden/jongeren-geven-advies.yml", "  - een-bron", "  - geen-bron")
    assert found(tiny) == [("yaml-dubbele-punt", "catalogue/organisaties/kapot.yml", 2),
                           ("bron-bestaat-niet", EXAMPLE, 9)]


def test_placeholders_say_not_filled_in_instead_of_the_schema_complaint(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "  - jongeren\n", "  - VUL IN\n")
    tiny.edit("organisaties/jongerenraad-test.yml", "soort: jongerenorganisatie", "soort: VUL IN")
    assert found(tiny) == [("niet-ingevuld-verplicht", ORG, 3), ("niet-ingevuld", ORG, 6)]


def test_warnings_do_not_stop_the_catalogue(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "Ze geven advies.", "Bel 06-12345678.")
    catalogue = load_catalogue(tiny.root)
    assert [(p.code, p.line, p.warning) for p in catalogue.warnings] == [("06-nummer", 4, True)]


GLOSSARY = """
    - term: Ervaringskennis
      uitleg: Kennis uit eigen ervaring.
      bronnen:
        - een-bron
      zie_ook:
        - Ervaringsdeskundige
    - term: Ervaringsdeskundige
      afkorting: ED
      uitleg: Iemand die die kennis inzet.
      bronnen:
        - een-bron
"""


def test_the_glossary_is_read_and_gives_abbreviations(tiny):
    tiny.write("begrippen.yml", GLOSSARY)
    catalogue = load_catalogue(tiny.root)
    assert [term.term for term in catalogue.glossary] == ["Ervaringsdeskundige", "Ervaringskennis"]
    assert catalogue.abbreviations == {"JRT": "Jongerenraad Test", "ED": "Ervaringsdeskundige"}


def test_the_glossary_is_checked_like_an_entry(tiny):
    tiny.write("begrippen.yml", GLOSSARY + """
    - term: ervaringskennis
      uitleg: Nog een keer.
      bronnen:
        - een-bron
      kleur: rood
    """)
    tiny.edit("begrippen.yml", "  - een-bron\n  zie_ook", "  - geen-bron\n  zie_ook")
    tiny.edit("begrippen.yml", "- Ervaringsdeskundige\n", "- Ervaringsdeskundig\n")
    assert found(tiny) == [("bron-bestaat-niet", "catalogue/begrippen.yml", 4),
                           ("onbekende-term", "catalogue/begrippen.yml", 6),
                           ("dubbele-term", "catalogue/begrippen.yml", 13),
                           ("onbekend-veld", "catalogue/begrippen.yml", 17)]


def test_the_real_catalogue_is_valid():
    catalogue = load_catalogue(REAL_CATALOGUE)
    assert len(catalogue.of_kind("organisaties")) >= 4


@pytest.mark.parametrize("stem", ["njr", "nationale-jeugdraad", "a1-b2", "NJR", "njr-", "-njr", "njr--x", "één",
                                  "njr_x", "njr x", "ns-2024", "x" * 80])
def test_file_names_are_judged_as_slugify_would(stem):
    from slugify import slugify

    from kennisbank.validate import slug_problem
    assert (slug_problem("f.yml", stem) is None) == (slugify(stem) == stem)
