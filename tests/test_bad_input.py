"""Broken and hostile files: the validator ends, in Dutch, with file and line, and never crashes.

All bad files sit in one catalogue that `kennisbank controleer` checks in a separate
process, so a crash of the YAML library (libyaml segfaults on deep nesting) or a
hang fails the test instead of taking pytest down. The timeout is a hang guard,
not a speed test.
"""

from __future__ import annotations

import codecs
import json
import subprocess
from pathlib import Path

import pytest

from conftest import ORGANISATION, TinyCatalogue, kennisbank

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

# What the contributor gets per file: (code, line); the wording is pinned in tests/golden/meldingen.txt.
EXPECTED = {
    "leeg": ("leeg-bestand", 1),
    "alleen-commentaar": ("leeg-bestand", 1),
    "binair": ("binair", None),
    "latin-1": ("geen-utf-8", 4),
    "utf-16": ("utf-16", None),
    "utf-16-zonder-bom": ("utf-16", None),
    "alias-bom": ("anker", 1),
    "diep-10000-lijsten": ("te-diep-haakjes", 1),
    "diep-100000-lijsten": ("te-diep-haakjes", 1),
    "diep-streepjes": ("te-diep-inspringing", 1),
    "diep-ingesprongen": ("te-diep-velden", 23),
    "dubbel-veld": ("dubbel-veld", 3),
    "tab": ("yaml-tab", 6),
    "twee-documenten": ("yaml-documenten", 14),
    "lijst": ("geen-velden", 1),
    "tekst": ("geen-velden", 1),
    "groot": ("te-groot", None),
    "samenvoegen": ("samenvoegen", 4),
    "python-object": ("yaml-label", 1),
    "stuurteken": ("stuurteken", 2),
    "veel-fouten": ("te-veel-fouten", None),
    "Hoofdletters": ("bestandsnaam", None),
}


@pytest.fixture(scope="module")
def bad_catalogue(tmp_path_factory) -> Path:
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
    return tiny.root


@pytest.fixture(scope="module")
def validated(bad_catalogue) -> subprocess.CompletedProcess:
    """What a contributor sees: `kennisbank controleer` on the bad catalogue."""
    return kennisbank("controleer", "--catalogus", "catalogue", cwd=bad_catalogue.parent, timeout=HANG_GUARD)


@pytest.fixture(scope="module")
def reported(bad_catalogue) -> dict[str, list[tuple[str, int | None]]]:
    """The same check as JSON: (code, line) of every problem, per file name."""
    result = kennisbank("controleer", "--formaat", "json", "--catalogus", "catalogue", cwd=bad_catalogue.parent,
                        timeout=HANG_GUARD)
    assert result.returncode == 1, result.stderr[-2000:]
    found: dict[str, list[tuple[str, int | None]]] = {}
    for item in json.loads(result.stdout):
        found.setdefault(item["file"], []).append((item["code"], item["line"]))
    return found


def test_validation_ends_with_errors_and_no_traceback(validated):
    assert validated.returncode == 1, validated.stderr[-2000:]
    assert "Traceback" not in validated.stdout + validated.stderr
    assert "fout(en) gevonden" in validated.stderr


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_bad_file_gets_its_problem_at_its_line(reported, name):
    assert EXPECTED[name] in reported[f"{ORG}/{name}.yml"]


def test_every_message_names_its_file(validated):
    for line in validated.stdout.splitlines():
        if line.strip() and not line.startswith(" "):
            assert line.startswith("catalogue/"), line[:200]


def test_one_message_per_alias_bomb_and_capped_lists(reported):
    assert [found for found in reported[f"{ORG}/alias-bom.yml"] if found[0] == "anker"] == [("anker", 1)]
    assert len(reported[f"{ORG}/veel-fouten.yml"]) == 21


def test_a_byte_order_mark_is_fine(reported):
    assert f"{ORG}/met-bom.yml" not in reported


def test_names_and_links_are_checked(reported):
    assert reported[f"{ORG}/yaml-extensie.yaml"] == [("extensie", None)]
    assert reported["catalogue/bronnen/met-bom.yml"] == [("naam-bezet", None)]
    assert reported[f"{ORG}/snelkoppeling.yml"] == [("snelkoppeling", None)]


def test_the_symlinked_file_is_never_read(validated):
    assert "root:" not in validated.stdout


def test_python_tags_are_never_run(validated):
    assert "hoi" not in validated.stdout.replace("'echo hoi'", "")
