"""The personal-data guard: warnings (never errors) for e-mail addresses, phone numbers and BSNs of people."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from kennisbank import load_catalogue
from kennisbank.personal_data import check_personal_data, passes_elfproef

RULES = "Zie 'Eerst: de privacyregels' in CONTRIBUTING.md."


@pytest.mark.parametrize("text, expected", [
    ("Mail naar jan.jansen@gmail.com", "staat iets dat lijkt op een persoonlijk e-mailadres ('jan.jansen@gmail.com')"),
    ("Mail sanne1987@hotmail.com", "persoonlijk e-mailadres ('sanne1987@hotmail.com')"),
    ("[mail](mailto:p.de.vries@jeugdzorg-noord.nl)", "persoonlijk e-mailadres ('p.de.vries@jeugdzorg-noord.nl')"),
    ("Bel 06-12345678", "staat iets dat lijkt op een 06-nummer ('06-12345678'). Een mobiel nummer is meestal"),
    ("Bel 06 1234 5678", "lijkt op een 06-nummer"),
    ("Bel +31 6 12345678", "lijkt op een 06-nummer"),
    ("Bel +31 (0)6 1234 5678", "lijkt op een 06-nummer"),
    ("Bel 0031612345678", "lijkt op een 06-nummer"),
    ("Bel 030-2345678", "staat iets dat lijkt op een telefoonnummer ('030-2345678'). Is het het nummer van een "
                        "persoon? Haal het dan weg."),
    ("Bel (020) 123 45 67", "lijkt op een telefoonnummer"),
    ("BSN 111222333", "staat een getal dat een burgerservicenummer (BSN) kan zijn ('111222333'). Een BSN hoort "
                      "nooit in de kennisbank: haal het weg."),
    ("BSN 1112.22.333", "burgerservicenummer (BSN) kan zijn ('1112.22.333')"),
    ("BSN 111 222 333", "burgerservicenummer (BSN) kan zijn ('111 222 333')"),
])
def test_warns(text, expected):
    assert any(expected in message for message in check_personal_data(text)), check_personal_data(text)


@pytest.mark.parametrize("text", [
    "Mail info@gmail.com of contact@nji.nl of secretariaat@jeugdraad.nl",
    "Mail jongerenraad@gemeente.nl",          # one word: an organisation's mailbox as far as we can tell
    "Bel 0800-1234567 of 0900-1234567 of 088-1234567",   # service numbers of organisations
    "Nummer 123456789",                        # nine digits failing the elfproef: no BSN
    "KvK 12345678, 2026-11-23, 1.000.000 euro, 2019-2023, ISBN 978-90-12345-67-8",
    "https://www.voorbeeld.nl/pagina/123456782/",   # part of a web address, not a loose number
])
def test_no_warning(text):
    assert check_personal_data(text) == []


@pytest.mark.parametrize("number, valid", [
    ("111222333", True), ("123456782", True), ("999999990", True),
    ("123456789", False), ("111222334", False), ("000000000", False), ("12345678", False),
])
def test_elfproef(number, valid):
    assert passes_elfproef(number) is valid


def test_warning_names_file_line_and_rules_and_keeps_the_entry(tiny):
    path = tiny.root / "organisaties" / "jongerenraad-test.yml"
    path.write_text(path.read_text().replace("Ze geven advies.", "Ze geven advies. Bel Sanne op 06-12345678."))
    catalogue = load_catalogue(tiny.root)          # a warning does not stop anything
    assert [e.slug for e in catalogue.of_kind("organisaties")] == ["jongerenraad-test"]
    assert [str(w) for w in catalogue.warnings] == [
        "catalogue/organisaties/jongerenraad-test.yml:4: waarschuwing: in veld 'beschrijving' staat iets dat "
        "lijkt op een 06-nummer ('06-12345678'). Een mobiel nummer is meestal van een persoon: haal het weg. "
        f"Een algemeen nummer van een organisatie mag wel. {RULES}"
    ]


def test_validate_script_prints_the_warning_and_succeeds(tiny):
    path = tiny.root / "bronnen" / "een-bron.yml"
    path.write_text(path.read_text() + "auteurs:\n  - j.jansen@ziggo.nl\n")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "--catalogus", str(tiny.root)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("catalogue/bronnen/een-bron.yml:7: waarschuwing: in veld 'auteurs[1]' staat iets dat lijkt op een "
            "persoonlijk e-mailadres ('j.jansen@ziggo.nl')") in result.stdout
    assert RULES in result.stdout


def test_the_real_catalogue_has_no_warnings():
    assert load_catalogue(ROOT / "catalogue").warnings == ()
