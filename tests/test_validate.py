"""Validation: every kind of mistake gives file, line and a Dutch message, all in one run."""

from __future__ import annotations

import pytest

from kennisbank import CatalogueError, load_catalogue


def problems_of(tiny) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root)
    return [str(p) for p in caught.value.problems]


def test_valid_catalogue_loads(tiny):
    catalogue = load_catalogue(tiny.root)
    assert [e.slug for e in catalogue.entries] == ["jongerenraad-test", "jongeren-geven-advies", "een-bron"]


def test_misspelled_field_suggests_the_right_one(tiny):
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    path.write_text(path.read_text().replace("beschrijving:", "beschrijvng:"))
    found = problems_of(tiny)
    # One message: the misspelling, not also "het verplichte veld 'beschrijving' ontbreekt".
    assert len(found) == 1
    assert found[0].startswith(
        "catalogue/organisaties/jongerenraad-test.yml:4: onbekend veld 'beschrijvng'. Bedoelde je 'beschrijving'? "
        "Toegestane velden: naam, afkorting, soort,"
    )


def test_missing_required_field_is_reported_with_the_line_to_add(tiny):
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    text = path.read_text()
    path.write_text(text.replace("beschrijving:", "website_oud:"))
    found = problems_of(tiny)
    assert found[0] == ("catalogue/organisaties/jongerenraad-test.yml:1: het verplichte veld 'beschrijving' "
                        "ontbreekt. Voeg een regel 'beschrijving: ...' toe.")
    assert "onbekend veld 'website_oud'. Bedoelde je 'website'?" in found[1]


def test_value_outside_vocabulary_suggests_the_closest(tiny):
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    path.write_text(path.read_text().replace("  - jongeren\n", "  - jongern\n"))
    [found] = problems_of(tiny)
    assert found.startswith(
        "catalogue/organisaties/jongerenraad-test.yml:6: 'jongern' staat niet in de lijst doelgroepen "
        "(veld 'doelgroepen[1]'). Bedoelde je 'jongeren'? Kies uit: kinderen, jongeren,"
    )


def test_missing_source_reference(tiny):
    path = tiny.root / "voorbeelden/jongeren-geven-advies.yml"
    path.write_text(path.read_text().replace("  - een-bron", "  - een-brom"))
    assert problems_of(tiny) == [
        "catalogue/voorbeelden/jongeren-geven-advies.yml:9: 'een-brom' in veld 'bronnen[1]' bestaat niet: "
        "er is geen bestand catalogue/bronnen/een-brom.yml. Bedoelde je 'een-bron'?"
    ]


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
    found = problems_of(tiny)
    assert "catalogue/voorbeelden/tweede.yml:3: 'bestaat-niet' in veld 'organisaties[1]' bestaat niet" in found[0]
    assert "catalogue/voorbeelden/tweede.yml:7: 'checklists/ook-niet' in veld 'gerelateerd[1]' bestaat niet" in found[1]


def test_url_must_be_http(tiny):
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    path.write_text(path.read_text() + "website: javascript:alert(1)\n")
    [found] = problems_of(tiny)
    assert found.startswith("catalogue/organisaties/jongerenraad-test.yml:14: 'javascript:alert(1)' in veld "
                            "'website' is geen geldig webadres.")


@pytest.mark.parametrize("date", ["2026-02-30", "1-11-2026", "gisteren"])
def test_bad_dates(tiny, date):
    path = tiny.root / "bronnen/een-bron.yml"
    path.write_text(path.read_text().replace("2026-11-01", date))
    [found] = problems_of(tiny)
    assert found.startswith(f"catalogue/bronnen/een-bron.yml:5: '{date}' in veld 'laatst_gecontroleerd' ")


def test_wrong_type_explains_a_list(tiny):
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    path.write_text(path.read_text().replace("themas:\n  - jongerenparticipatie", "themas: jongerenparticipatie"))
    [found] = problems_of(tiny)
    assert found.startswith("catalogue/organisaties/jongerenraad-test.yml:9: het veld 'themas' moet een lijst "
                            "(regels die beginnen met '- ') zijn, maar is een tekst. Zet de waarde op een nieuwe regel")


def test_file_name_must_be_a_slug(tiny):
    (tiny.root / "bronnen/een-bron.yml").rename(tiny.root / "bronnen/Een Bron.yml")
    found = problems_of(tiny)
    assert found[0] == ("catalogue/bronnen/Een Bron.yml: de bestandsnaam 'Een Bron.yml' mag alleen kleine letters, "
                        "cijfers en streepjes bevatten. Noem het bestand 'een-bron.yml'.")


def test_one_slug_in_two_kinds_is_an_error(tiny):
    tiny.write("agenda/een-bron.yml", """
        titel: Punt
        vraag: Hoe?
        beschrijving: Daarom.
        bronnen:
          - een-bron
        laatst_gecontroleerd: 2026-11-01
    """)
    assert problems_of(tiny) == [
        "catalogue/bronnen/een-bron.yml: de naam 'een-bron' is al in gebruik door catalogue/agenda/een-bron.yml. "
        "Elke bestandsnaam komt één keer voor; kies een andere."
    ]


def test_every_problem_in_one_run(tiny):
    tiny.write("organisaties/kapot.yml", "naam: x\n  soort: y\n")
    path = tiny.root / "voorbeelden/jongeren-geven-advies.yml"
    path.write_text(path.read_text().replace("  - een-bron", "  - geen-bron"))
    found = problems_of(tiny)
    assert [line.split(":")[0] for line in found] == [
        "catalogue/organisaties/kapot.yml", "catalogue/voorbeelden/jongeren-geven-advies.yml"]


def test_the_real_catalogue_is_valid():
    from conftest import REAL_CATALOGUE
    catalogue = load_catalogue(REAL_CATALOGUE)
    assert len(catalogue.of_kind("organisaties")) >= 4


def test_vocabulary_schema_for_editors_is_up_to_date():
    from conftest import REAL_CATALOGUE
    from kennisbank.vocabularies import SCHEMA_FILE, load_vocabularies, vocabulary_schema_text
    vocabularies, problems = load_vocabularies(REAL_CATALOGUE)
    assert problems == []
    committed = (REAL_CATALOGUE / "schema" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == vocabulary_schema_text(vocabularies), "run: python scripts/schemas.py"


@pytest.mark.parametrize("stem", ["njr", "nationale-jeugdraad", "a1-b2", "NJR", "njr-", "-njr", "njr--x", "één",
                                  "njr_x", "njr x", "ns-2024", "x" * 80])
def test_file_names_are_judged_as_slugify_would(stem):
    from slugify import slugify

    from kennisbank.validate import slug_problem
    assert (slug_problem("f.yml", stem) is None) == (slugify(stem) == stem)
