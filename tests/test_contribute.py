"""Contributor tools: the scaffold, CONTRIBUTING.md, the three validator outputs, the freshness report
and the editor support (schema line, standard JSON Schema validation)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

import contributing
import new
import stale
import validate
from conftest import REAL_CATALOGUE, ROOT
from kennisbank import CatalogueError, load_catalogue
from kennisbank.contributing import field_reference, replace_generated
from kennisbank.fields import kind_fields
from kennisbank.model import KINDS
from kennisbank.scaffold import PLACEHOLDER, modeline, scaffold
from kennisbank.yamlfile import parse_yaml, read_yaml

TODAY = dt.date(2026, 11, 23)


def entry_files(root: Path = REAL_CATALOGUE) -> list[Path]:
    return sorted(p for kind in KINDS for p in (root / kind.folder).glob("*.yml"))


# --- scaffold ---------------------------------------------------------------------------------

def test_scaffold_creates_a_file_with_every_field_and_the_schema_line(tiny, capsys):
    assert new.main(["organisatie", "Stichting De Brug", "--catalogus", str(tiny.root),
                     "--vandaag", "2026-11-23"]) == 0
    path = tiny.root / "organisaties" / "stichting-de-brug.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/organisaties.schema.json"
    data, _, problems = read_yaml(path, "x")
    assert problems == []
    assert list(data) == [f.name for f in kind_fields(tiny.root, "organisaties")]
    assert data["naam"] == "Stichting De Brug"
    assert data["laatst_gecontroleerd"] == "2026-11-23"
    assert "# Soort (verplicht): Wat voor organisatie het is. Kies uit: jongerenorganisatie," in text
    assert "Gemaakt:" in capsys.readouterr().out


def test_scaffold_refuses_to_overwrite_and_leaves_the_file_alone(tiny, capsys):
    path = tiny.root / "organisaties" / "jongerenraad-test.yml"
    before = path.read_bytes()
    assert new.main(["organisatie", "Jongerenraad Test", "--catalogus", str(tiny.root)]) == 1
    assert path.read_bytes() == before
    assert "bestaat al. Er is niets veranderd." in capsys.readouterr().err
    assert sorted(p.name for p in path.parent.iterdir()) == ["jongerenraad-test.yml"]  # no temp file left


def test_scaffolded_file_is_refused_until_the_placeholders_are_filled(tiny):
    new.main(["organisatie", "Stichting De Brug", "--catalogus", str(tiny.root), "--vandaag", "2026-11-23"])
    path = tiny.root / "organisaties" / "stichting-de-brug.yml"
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root)
    messages = [str(p) for p in caught.value.problems]
    assert ("catalogue/organisaties/stichting-de-brug.yml:17: het veld 'soort' is nog niet ingevuld: "
            "er staat 'VUL IN'. Dit veld is verplicht: vul het in.") in messages
    assert ("catalogue/organisaties/stichting-de-brug.yml:12: het veld 'afkorting' is nog niet ingevuld: "
            "er staat 'VUL IN'. Vul het in, of haal het hele veld weg als je het niet weet.") in messages
    assert not any("staat niet in de lijst" in m or "geen geldig webadres" in m for m in messages)
    # Filled in the way a contributor would: values for the required fields, optional ones removed.
    filled = fill(path.read_text(encoding="utf-8"),
                  {"soort": "netwerk", "beschrijving": "Een netwerk van ouders.", "bronnen": "een-bron"})
    assert not re.search(rf"^[^#\n]*{PLACEHOLDER}", filled, re.M) and "# Soort (verplicht)" in filled
    path.write_text(filled, encoding="utf-8")
    catalogue = load_catalogue(tiny.root)
    assert catalogue.get("organisaties", "stichting-de-brug").fields["soort"] == "netwerk"


def fill(text: str, values: dict[str, str]) -> str:
    """What a contributor does: fill in the fields in `values`, remove the other unfinished ones.

    The scaffold puts a blank line before every field, so each block is one field with its comment."""
    header, *blocks = text.split("\n\n")
    kept = [header]
    for block in blocks:
        name = re.search(r"^(\w+):", block, re.M).group(1)
        if name in values:
            kept.append(block.replace(PLACEHOLDER, values[name]))
        elif PLACEHOLDER not in block:
            kept.append(block)
    return "\n\n".join(kept)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.folder)
def test_every_kind_has_a_scaffold_that_parses_and_names_every_field(kind):
    text = scaffold(REAL_CATALOGUE, kind.folder, "Een titel", TODAY)
    assert text.startswith(modeline(kind.folder) + "\n")
    data, _, problems = parse_yaml(text, "x")
    assert problems == []
    assert set(data) == {f.name for f in kind_fields(REAL_CATALOGUE, kind.folder)}
    assert data[kind.title_field] == "Een titel"


def test_scaffold_keeps_a_title_with_a_colon_as_one_value(tiny):
    new.main(["voorbeeld", "Samen: jongeren # en ouders", "--catalogus", str(tiny.root)])
    data, _, _ = read_yaml(tiny.root / "voorbeelden" / "samen-jongeren-en-ouders.yml", "x")
    assert data["titel"] == "Samen: jongeren # en ouders"


def test_scaffold_refuses_a_name_without_letters(tiny, capsys):
    assert new.main(["bron", "!!!", "--catalogus", str(tiny.root)]) == 1
    assert "geen bestandsnaam" in capsys.readouterr().err


def test_scaffold_refuses_a_name_longer_than_the_schema_allows(tiny, capsys):
    assert new.main(["organisatie", "a" * 201, "--catalogus", str(tiny.root)]) == 1
    assert "hoogstens 200" in capsys.readouterr().err
    assert not list((tiny.root / "organisaties").glob("a*.yml"))


def test_scaffold_keeps_a_long_file_name_short_at_a_word_boundary(tiny):
    assert new.main(["organisatie", "Stichting " * 19, "--catalogus", str(tiny.root)]) == 0
    created = [path.stem for path in (tiny.root / "organisaties").glob("stichting-*.yml")]
    assert len(created) == 1 and len(created[0]) <= new.MAX_SLUG and not created[0].endswith("-")


def test_scaffold_reports_a_write_error_in_dutch_and_leaves_no_file(tiny, capsys, monkeypatch):
    def refuse(*args):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("os.link", refuse)
    assert new.main(["organisatie", "Stichting De Brug", "--catalogus", str(tiny.root)]) == 1
    assert "kon niet gemaakt worden" in capsys.readouterr().err
    assert [path.name for path in (tiny.root / "organisaties").iterdir() if "brug" in path.name] == []


def test_scaffold_outside_a_catalogue_says_so(tmp_path, capsys):
    assert new.main(["organisatie", "Stichting De Brug", "--catalogus", str(tmp_path)]) == 1
    assert "geen catalogus" in capsys.readouterr().err


# --- CONTRIBUTING.md ----------------------------------------------------------------------------

def test_contributing_is_up_to_date_with_the_schemas():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert replace_generated(text, field_reference(REAL_CATALOGUE)) == text, \
        "CONTRIBUTING.md is out of date: run python scripts/contributing.py"
    assert contributing.main(["--check"]) == 0


def test_contributing_names_every_field_and_every_vocabulary_value():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for kind in KINDS:
        for field in kind_fields(REAL_CATALOGUE, kind.folder):
            assert f"- **`{field.name}`** (" in text
            for term in field.choices:
                assert f"| `{term.value}` |" in text


def test_field_reference_follows_a_schema_change(tiny):
    schema_path = tiny.root / "schema" / "organisaties.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["naam"]["description"] = "Een heel nieuwe uitleg."
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    assert "Een heel nieuwe uitleg." in field_reference(tiny.root)


# --- validator output ---------------------------------------------------------------------------

def broken(tiny) -> None:
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    text = path.read_text().replace("beschrijving:", "beschrijvng:").replace("  - jongeren\n", "  - jongern\n")
    path.write_text(text)


def test_output_tekst(tiny, capsys):
    broken(tiny)
    assert validate.main(["--catalogus", str(tiny.root)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("catalogue/organisaties/jongerenraad-test.yml:4: onbekend veld 'beschrijvng'. "
                               "Bedoelde je 'beschrijving'?")
    assert lines[1].startswith("catalogue/organisaties/jongerenraad-test.yml:6: 'jongern' staat niet in de lijst "
                               "doelgroepen (veld 'doelgroepen[1]'). Bedoelde je 'jongeren'?")
    assert "2 fout(en) gevonden" in err


def test_output_github_annotations(tiny, capsys):
    broken(tiny)
    assert validate.main(["--catalogus", str(tiny.root), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=catalogue/organisaties/jongerenraad-test.yml,line=4::onbekend veld "
                               "'beschrijvng'. Bedoelde je 'beschrijving'?")
    assert all(re.fullmatch(r"::error file=catalogue/[a-z/-]+\.yml,line=\d+::[^\n]+", line) for line in lines)


def test_output_github_escapes_newlines(tiny, capsys):
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    path.write_text(path.read_text().replace("  - jongerenparticipatie\n", "").replace("themas:\n",
                                                                                      "themas: beleid\n"))
    validate.main(["--catalogus", str(tiny.root), "--format", "github"])
    [line] = capsys.readouterr().out.splitlines()
    assert "%0A" in line and line.startswith("::error file=catalogue/organisaties/jongerenraad-test.yml,line=")


def test_output_json(tiny, capsys):
    broken(tiny)
    assert validate.main(["--catalogus", str(tiny.root), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert {"file", "line", "field", "message"} <= set(problems[0])
    by_field = {p["field"]: p for p in problems}
    assert by_field["beschrijvng"]["line"] == 4
    assert by_field["beschrijvng"]["file"] == "catalogue/organisaties/jongerenraad-test.yml"
    assert "Bedoelde je 'beschrijving'?" in by_field["beschrijvng"]["message"]
    assert by_field["doelgroepen[1]"]["line"] == 6
    assert "Bedoelde je 'jongeren'?" in by_field["doelgroepen[1]"]["message"]
    assert "beschrijving" not in by_field   # the misspelling is the one message about it


def test_output_json_of_a_valid_catalogue_is_an_empty_list(tiny, capsys):
    assert validate.main(["--catalogus", str(tiny.root), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


# --- freshness ----------------------------------------------------------------------------------

def test_stale_lists_entries_older_than_a_year(tiny, capsys):
    path = tiny.root / "bronnen/een-bron.yml"
    path.write_text(path.read_text().replace("2026-11-01", "2025-10-01"))
    assert stale.main(["--catalogus", str(tiny.root), "--vandaag", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert out == "catalogue/bronnen/een-bron.yml: laatst gecontroleerd op 1 oktober 2025 (418 dagen geleden)\n"
    assert stale.main(["--catalogus", str(tiny.root), "--vandaag", "2026-11-23", "--strict"]) == 1


def test_stale_strict_passes_when_everything_is_fresh(tiny, capsys):
    assert stale.main(["--catalogus", str(tiny.root), "--vandaag", "2026-11-23", "--strict"]) == 0
    assert capsys.readouterr().out == ""
    assert stale.main(["--catalogus", str(tiny.root), "--vandaag", "2027-11-02", "--strict"]) == 1
    assert len(capsys.readouterr().out.splitlines()) == 3


# --- editor support -----------------------------------------------------------------------------

def test_every_catalogue_file_starts_with_its_schema_line():
    files = entry_files()
    assert files
    wrong = [p.relative_to(ROOT).as_posix() for p in files
             if p.read_text(encoding="utf-8").split("\n", 1)[0] != modeline(p.parent.name)]
    assert wrong == []


@pytest.mark.parametrize("path", sorted((REAL_CATALOGUE / "schema").glob("*.schema.json")), ids=lambda p: p.name)
def test_schemas_are_valid_draft_2020_12(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_entry_is_valid_under_its_schema_with_a_standard_validator():
    folder = REAL_CATALOGUE / "schema"
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8")))) for p in folder.glob("*.json"))
    failures = []
    for path in entry_files():
        schema = json.loads((folder / f"{path.parent.name}.schema.json").read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
        data, _, problems = read_yaml(path, path.name)   # dates stay strings, as in the editors
        assert problems == []
        failures += [f"{path.name}: {e.message}" for e in validator.iter_errors(data)]
    assert failures == []


# --- the new contributor's first try ------------------------------------------------------------

def test_three_typical_mistakes_are_reported_in_one_run_with_line_and_suggestion(tiny, capsys):
    """A misspelled field, a target group not in the list and a source that does not exist."""
    tiny.write("organisaties/stichting-de-brug.yml", """
        # yaml-language-server: $schema=../schema/organisaties.schema.json
        naam: Stichting De Brug
        soort: netwerk
        beschrijvng: Een netwerk van ouders.
        doelgroepen:
          - jongere
        bronnen:
          - een-brom
        laatst_gecontroleerd: 2026-11-23
    """)
    assert validate.main(["--catalogus", str(tiny.root)]) == 1
    out = capsys.readouterr().out.splitlines()
    file = "catalogue/organisaties/stichting-de-brug.yml"
    assert out[0].startswith(f"{file}:4: onbekend veld 'beschrijvng'. Bedoelde je 'beschrijving'?")
    assert out[1].startswith(f"{file}:6: 'jongere' staat niet in de lijst doelgroepen (veld 'doelgroepen[1]'). "
                             f"Bedoelde je 'jongeren'?")
    assert out[2] == (f"{file}:8: 'een-brom' in veld 'bronnen[1]' bestaat niet: er is geen bestand "
                      f"catalogue/bronnen/een-brom.yml. Bedoelde je 'een-bron'?")


def test_a_reference_in_a_field_that_is_already_wrong_is_not_reported_twice(tiny):
    tiny.write("organisaties/stichting-de-brug.yml", """
        naam: Stichting De Brug
        soort: netwerk
        beschrijving: Een netwerk van ouders.
        bronnen:
          - Een Bron
        gerelateerd: 5
        laatst_gecontroleerd: 2026-11-23
    """)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root)
    assert [p.field for p in caught.value.problems] == ["bronnen[1]", "gerelateerd"]
