"""Broken and hostile files: the validator ends, in Dutch, with file and line, and never crashes.

All bad files sit in one catalogue that scripts/validate.py checks in a separate
process, so a crash of the YAML library (libyaml segfaults on deep nesting) or a
hang fails the test instead of taking pytest down. The timeout is a hang guard,
not a speed test.
"""

from __future__ import annotations

import codecs
import subprocess
import sys

import pytest

from conftest import ORGANISATION, ROOT, TinyCatalogue

HANG_GUARD = 20  # seconds; validation of all of these together takes about one
ORG = "catalogue/organisaties"


def organisation(**changes: str) -> str:
    text = "\n".join(line[4:] for line in ORGANISATION.strip("\n").splitlines()) + "\n"
    for old, new in changes.items():
        text = text.replace(old, new, 1)
    return text


VALID = organisation()
NESTED_BLOCK = "naam: x\nlijst:\n" + "".join("  " * (i + 1) + "-\n" for i in range(100))
ALIAS_BOMB = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
)

# file name -> content (bytes, or text written as UTF-8)
BAD_FILES: dict[str, bytes | str] = {
    "leeg": b"",
    "alleen-commentaar": "# nog niets\n",
    "binair": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "latin-1": organisation(**{"Een raad van jongeren.": "Een raad van jongeren in één café."}).encode("latin-1"),
    "utf-16": codecs.BOM_UTF16_LE + VALID.encode("utf-16-le"),
    "utf-16-zonder-bom": VALID.encode("utf-16-le"),
    "alias-bom": ALIAS_BOMB,
    "diep-10000-lijsten": "naam: " + "[" * 10_000 + "]" * 10_000 + "\n",
    "diep-100000-lijsten": "naam: " + "[" * 100_000 + "]" * 100_000 + "\n",  # segfaults libyaml unguarded
    "diep-streepjes": "- " * 60_000 + "x\n",
    "diep-ingesprongen": NESTED_BLOCK,
    "dubbel-veld": organisation(**{"afkorting: JRT": "afkorting: JRT\nnaam: Nog een naam"}),
    "tab": organisation(**{"  - jongeren": "\t- jongeren"}),
    "twee-documenten": VALID + "---\n" + VALID,
    "lijst": "- naam: x\n- naam: y\n",
    "tekst": "Gewoon een zin zonder velden.\n",
    "groot": "naam: x\nbeschrijving: " + "a" * 300_000 + "\n",
    "samenvoegen": "basis: &b\n  naam: x\n" + "item:\n  <<: *b\n",
    "python-object": "naam: !!python/object/apply:os.system ['echo hoi']\n",
    "stuurteken": "naam: x\nbeschrijving: een \x1b[31m rode \x07 tekst\n",
    "veel-fouten": organisation(**{"  - jongeren": "".join(f"  - jongern{i}\n" for i in range(16_000))}),
    "Hoofdletters": VALID,
}

# What the contributor sees: one exact line per file (from the start of the line).
EXPECTED = {
    "leeg": f"{ORG}/leeg.yml:1: het bestand is leeg. Vul de velden in, bijvoorbeeld met scripts/new.py.",
    "alleen-commentaar": f"{ORG}/alleen-commentaar.yml:1: het bestand is leeg.",
    "binair": f"{ORG}/binair.yml: dit is geen tekstbestand. Een item is een tekstbestand in UTF-8.",
    "latin-1": f"{ORG}/latin-1.yml:4: het bestand is niet opgeslagen als UTF-8 (misschien als Latin-1 of "
               f"Windows-1252). Sla het op als UTF-8.",
    "utf-16": f"{ORG}/utf-16.yml: het bestand is opgeslagen als UTF-16. Sla het op als UTF-8.",
    "utf-16-zonder-bom": f"{ORG}/utf-16-zonder-bom.yml: het bestand is opgeslagen als UTF-16. Sla het op als UTF-8.",
    "alias-bom": f"{ORG}/alias-bom.yml:2: verwijzingen met '&' en '*' zijn niet toegestaan. Schrijf de waarde uit.",
    "diep-10000-lijsten": f"{ORG}/diep-10000-lijsten.yml:1: het bestand is te diep genest (meer dan 1000 haakjes "
                          f"[ of {{ binnen elkaar). Een item heeft maar een paar niveaus, zoals een lijst onder "
                          f"een veld.",
    "diep-100000-lijsten": f"{ORG}/diep-100000-lijsten.yml:1: het bestand is te diep genest (meer dan 1000 haakjes",
    "diep-streepjes": f"{ORG}/diep-streepjes.yml:1: het bestand is te diep genest (een regel springt meer dan "
                      f"1000 tekens in).",
    "diep-ingesprongen": f"{ORG}/diep-ingesprongen.yml:23: de velden zijn te diep genest (meer dan 20 niveaus). "
                         f"Een item heeft maar een paar niveaus, zoals een lijst onder een veld.",
    "dubbel-veld": f"{ORG}/dubbel-veld.yml:3: het veld 'naam' staat twee keer in dit item (ook op regel 1). "
                   f"Laat er één staan.",
    "tab": f"{ORG}/tab.yml:6: de YAML klopt niet. Er staat een tab. Gebruik spaties om in te springen.",
    "twee-documenten": f"{ORG}/twee-documenten.yml:14: de YAML klopt niet. Het bestand bevat meer dan één "
                       f"document ('---'). Zet elk item in een eigen bestand.",
    "lijst": f"{ORG}/lijst.yml:1: een item bestaat uit velden (naam: waarde), niet uit een losse lijst of tekst. "
             f"Begin met bijvoorbeeld 'naam: ...'.",
    "tekst": f"{ORG}/tekst.yml:1: een item bestaat uit velden (naam: waarde), niet uit een losse lijst of tekst.",
    "groot": f"{ORG}/groot.yml: het bestand is te groot (292 kB; hoogstens 256 kB). Een item is een korte tekst.",
    "samenvoegen": f"{ORG}/samenvoegen.yml:4: samenvoegen met '<<' is niet toegestaan. Schrijf de velden uit.",
    "python-object": f"{ORG}/python-object.yml:1: het label '!!python/object/apply:os.system' hoort niet in een "
                     f"item.",
    "stuurteken": f"{ORG}/stuurteken.yml:2: er staat een onzichtbaar stuurteken (U+001B) in het bestand, "
                  f"misschien meegekopieerd uit een ander programma. Haal het weg of typ de regel opnieuw.",
    "veel-fouten": f"{ORG}/veel-fouten.yml: dit bestand heeft meer dan 20 fouten; alleen de eerste staan hier. "
                   f"Herstel die en controleer opnieuw.",
    "Hoofdletters": f"{ORG}/Hoofdletters.yml: de bestandsnaam 'Hoofdletters.yml' mag alleen kleine letters, "
                    f"cijfers en streepjes bevatten. Noem het bestand 'hoofdletters.yml'.",
}


@pytest.fixture(scope="module")
def validated(tmp_path_factory) -> subprocess.CompletedProcess:
    tiny = TinyCatalogue(tmp_path_factory.mktemp("bad") / "catalogue")
    tiny.write("bronnen/een-bron.yml", "titel: Een bron\nuitgever: U\nsoort: webpagina\nbeschrijving: B.\n"
                                       "laatst_gecontroleerd: 2026-11-01\n")
    for name, content in BAD_FILES.items():
        path = tiny.root / "organisaties" / f"{name}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    # Files the catalogue refuses by name or kind, not by content.
    (tiny.root / "organisaties" / "met-bom.yml").write_bytes(codecs.BOM_UTF8 + VALID.encode("utf-8"))
    (tiny.root / "organisaties" / "yaml-extensie.yaml").write_text(VALID, encoding="utf-8")
    (tiny.root / "bronnen" / "met-bom.yml").write_text(VALID, encoding="utf-8")   # same slug, other kind
    (tiny.root / "organisaties" / "snelkoppeling.yml").symlink_to("/etc/passwd")
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "--catalogus", str(tiny.root)],
                          capture_output=True, text=True, timeout=HANG_GUARD, cwd=tiny.root.parent)


def test_validation_ends_with_errors_and_no_traceback(validated):
    assert validated.returncode == 1, validated.stderr[-2000:]
    assert "Traceback" not in validated.stdout + validated.stderr
    assert "fout(en) gevonden" in validated.stderr


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_bad_file_gets_its_dutch_message(validated, name):
    lines = validated.stdout.splitlines()
    assert any(line.startswith(EXPECTED[name]) for line in lines), \
        f"expected {EXPECTED[name]!r} in:\n" + "\n".join(line[:200] for line in lines if f"/{name}.yml" in line)


def test_every_message_names_its_file(validated):
    for line in validated.stdout.splitlines():
        if line.strip() and not line.startswith(" "):
            assert line.startswith("catalogue/"), line[:200]


def test_one_message_per_alias_bomb_and_capped_lists(validated):
    lines = validated.stdout.splitlines()
    assert sum("/alias-bom.yml" in line for line in lines) == 1
    assert sum("/veel-fouten.yml" in line for line in lines) == 21


def test_a_byte_order_mark_is_fine(validated):
    assert not any(line.startswith(f"{ORG}/met-bom.yml") for line in validated.stdout.splitlines())


@pytest.mark.parametrize("expected", [
    f"{ORG}/yaml-extensie.yaml: gebruik de extensie .yml: noem het bestand 'yaml-extensie.yml'.",
    "catalogue/bronnen/met-bom.yml: de naam 'met-bom' is al in gebruik door catalogue/organisaties/met-bom.yml. "
    "Elke bestandsnaam komt één keer voor; kies een andere.",
    f"{ORG}/snelkoppeling.yml: dit is een snelkoppeling (symlink) naar een ander bestand. Zet het item zelf in de "
    f"catalogus.",
])
def test_names_and_links_are_checked(validated, expected):
    assert expected in validated.stdout.splitlines()


def test_the_symlinked_file_is_never_read(validated):
    assert "root:" not in validated.stdout


def test_python_tags_are_never_run(validated):
    assert "hoi" not in validated.stdout.replace("'echo hoi'", "")
