"""The personal-data guard: warnings (never errors) for e-mail addresses, phone numbers and BSNs of people."""

from __future__ import annotations


import pytest

from conftest import ROOT, kennisbank
from kennisbank import load_catalogue
from kennisbank.personal_data import passes_elfproef, personal_data

RULES = "Zie 'Eerst: de privacyregels' in CONTRIBUTING.md."


@pytest.mark.parametrize("text, code, found", [
    ("Mail naar jan.jansen@gmail.com", "persoonlijk-e-mailadres", "jan.jansen@gmail.com"),
    ("Mail sanne1987@hotmail.com", "persoonlijk-e-mailadres", "sanne1987@hotmail.com"),
    ("[mail](mailto:p.de.vries@jeugdzorg-noord.nl)", "persoonlijk-e-mailadres", "p.de.vries@jeugdzorg-noord.nl"),
    ("Bel 06-12345678", "06-nummer", "06-12345678"),
    ("Bel 06 1234 5678", "06-nummer", "06 1234 5678"),
    ("Bel +31 6 12345678", "06-nummer", "+31 6 12345678"),
    ("Bel +31 (0)6 1234 5678", "06-nummer", "+31 (0)6 1234 5678"),
    ("Bel 0031612345678", "06-nummer", "0031612345678"),
    ("Bel 030-2345678", "telefoonnummer", "030-2345678"),
    ("Bel (020) 123 45 67", "telefoonnummer", "020) 123 45 67"),   # the number from its first digit
    ("BSN 111222333", "bsn", "111222333"),
    ("BSN 1112.22.333", "bsn", "1112.22.333"),
    ("BSN 111 222 333", "bsn", "111 222 333"),
])
def test_warns(text, code, found):
    assert (code, {"found": found}) in personal_data(text), personal_data(text)


@pytest.mark.parametrize("text", [
    "Mail info@gmail.com of contact@nji.nl of secretariaat@jeugdraad.nl",
    "Mail jongerenraad@gemeente.nl",          # one word: an organisation's mailbox as far as we can tell
    "Bel 0800-1234567 of 0900-1234567 of 088-1234567",   # service numbers of organisations
    "Nummer 123456789",                        # nine digits failing the elfproef: no BSN
    "KvK 12345678, 2026-11-23, 1.000.000 euro, 2019-2023, ISBN 978-90-12345-67-8",
    "https://www.voorbeeld.nl/pagina/123456782/",   # part of a web address, not a loose number
])
def test_no_warning(text):
    assert personal_data(text) == []


@pytest.mark.parametrize("number, valid", [
    ("111222333", True), ("123456782", True), ("999999990", True),
    ("123456789", False), ("111222334", False), ("000000000", False), ("12345678", False),
])
def test_elfproef(number, valid):
    assert passes_elfproef(number) is valid


def test_warning_names_code_file_line_and_keeps_the_entry(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "Ze geven advies.", "Ze geven advies. Bel Sanne op 06-12345678.")
    catalogue = load_catalogue(tiny.root)          # a warning does not stop anything
    assert [e.slug for e in catalogue.of_kind("organisaties")] == ["jongerenraad-test"]
    assert [(w.code, w.file, w.line, w.path, w.warning) for w in catalogue.warnings] == [
        ("06-nummer", "catalogue/organisaties/jongerenraad-test.yml", 4, ("beschrijving",), True)]
    assert str(catalogue.warnings[0]).startswith("catalogue/organisaties/jongerenraad-test.yml:4: waarschuwing: ")
    assert RULES in catalogue.warnings[0].message


def test_validate_command_prints_the_warning_and_succeeds(tiny):
    path = tiny.root / "bronnen" / "een-bron.yml"
    path.write_text(path.read_text() + "auteurs:\n  - j.jansen@ziggo.nl\n")
    result = kennisbank("controleer", "--catalogus", "catalogue", cwd=tiny.root.parent, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("catalogue/bronnen/een-bron.yml:7: waarschuwing: in de eerste auteur ")
    assert "'j.jansen@ziggo.nl'" in result.stdout and RULES in result.stdout


def test_the_real_catalogue_has_no_warnings():
    assert load_catalogue(ROOT / "catalogue").warnings == ()
