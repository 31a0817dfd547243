"""Contributor tools: the scaffold (kennisbank nieuw), CONTRIBUTING.md (kennisbank bijwerken), the three
outputs of kennisbank controleer, the freshness report (kennisbank verouderd) and the editor support
(schema line, standard JSON Schema validation)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import REAL_CATALOGUE, ROOT
from kennisbank import CatalogueError, load_catalogue
from kennisbank.cli import main
from kennisbank.commands.new import MAX_SLUG
from kennisbank.contributing import field_reference, replace_generated
from kennisbank.kinds import KINDS
from kennisbank.placeholders import PLACEHOLDER
from kennisbank.scaffold import modeline, scaffold
from kennisbank.schema import load_schema
from kennisbank.yamlfile import parse_yaml, read_yaml

TODAY = dt.date(2026, 11, 23)
SCHEMA, _ = load_schema(REAL_CATALOGUE)


def new(*args: str) -> int:
    return main(["nieuw", *args])


def validate(*args: str) -> int:
    return main(["controleer", *args])


def stale(*args: str) -> int:
    return main(["verouderd", *args])


def entry_files(root: Path = REAL_CATALOGUE) -> list[Path]:
    return sorted(p for kind in KINDS for p in (root / kind.folder).glob("*.yml"))


# --- scaffold ---------------------------------------------------------------------------------

def test_scaffold_creates_a_file_with_every_field_and_the_schema_line(tiny, capsys):
    assert new("organisatie", "Stichting De Brug", "--catalogus", str(tiny.root), "--vandaag", "2026-11-23") == 0
    path = tiny.root / "organisaties" / "stichting-de-brug.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/organisaties.schema.json"
    data, _, problems = read_yaml(path, "x")
    assert problems == []
    assert list(data) == [f.name for f in SCHEMA.fields["organisaties"]]
    assert data["naam"] == "Stichting De Brug"
    assert data["laatst_gecontroleerd"] == "2026-11-23"
    assert "# Soort (verplicht): Wat voor organisatie het is. Kies uit: jongerenorganisatie," in text
    assert "Gemaakt:" in capsys.readouterr().out


def test_scaffold_refuses_to_overwrite_and_leaves_the_file_alone(tiny, capsys):
    path = tiny.root / "organisaties" / "jongerenraad-test.yml"
    before = path.read_bytes()
    assert new("organisatie", "Jongerenraad Test", "--catalogus", str(tiny.root)) == 1
    assert path.read_bytes() == before
    assert "bestaat al. Er is niets veranderd." in capsys.readouterr().err
    assert sorted(p.name for p in path.parent.iterdir()) == ["jongerenraad-test.yml"]  # no temp file left


def test_scaffolded_file_is_refused_until_the_placeholders_are_filled(tiny):
    new("organisatie", "Stichting De Brug", "--catalogus", str(tiny.root), "--vandaag", "2026-11-23")
    path = tiny.root / "organisaties" / "stichting-de-brug.yml"
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root)
    found = {(p.code, p.line, p.path) for p in caught.value.problems}
    assert ("niet-ingevuld-verplicht", 24, ("soort",)) in found
    assert ("niet-ingevuld", 12, ("afkorting",)) in found
    # Only "not filled in yet": no complaint that VUL IN is not in the list or not a web address.
    assert {code for code, _, _ in found} == {"niet-ingevuld", "niet-ingevuld-verplicht"}
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
    text = scaffold(SCHEMA, kind.folder, "Een titel", TODAY)
    assert text.startswith(modeline(kind.folder) + "\n")
    data, _, problems = parse_yaml(text, "x")
    assert problems == []
    assert set(data) == {f.name for f in SCHEMA.fields[kind.folder]}
    assert data[kind.title_field] == "Een titel"


def test_scaffold_keeps_a_title_with_a_colon_as_one_value(tiny):
    new("voorbeeld", "Samen: jongeren # en ouders", "--catalogus", str(tiny.root))
    data, _, _ = read_yaml(tiny.root / "voorbeelden" / "samen-jongeren-en-ouders.yml", "x")
    assert data["titel"] == "Samen: jongeren # en ouders"


def test_scaffold_refuses_a_name_without_letters(tiny, capsys):
    assert new("bron", "!!!", "--catalogus", str(tiny.root)) == 1
    assert "geen bestandsnaam" in capsys.readouterr().err


def test_scaffold_refuses_a_name_longer_than_the_schema_allows(tiny, capsys):
    assert new("organisatie", "a" * 201, "--catalogus", str(tiny.root)) == 1
    assert "hoogstens 200" in capsys.readouterr().err
    assert not list((tiny.root / "organisaties").glob("a*.yml"))


def test_scaffold_keeps_a_long_file_name_short_at_a_word_boundary(tiny):
    assert new("organisatie", "Stichting " * 19, "--catalogus", str(tiny.root)) == 0
    created = [path.stem for path in (tiny.root / "organisaties").glob("stichting-*.yml")]
    assert len(created) == 1 and len(created[0]) <= MAX_SLUG and not created[0].endswith("-")


def test_scaffold_reports_a_write_error_in_dutch_and_leaves_no_file(tiny, capsys, monkeypatch):
    def refuse(*args):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("os.link", refuse)
    assert new("organisatie", "Stichting De Brug", "--catalogus", str(tiny.root)) == 1
    assert "kon niet gemaakt worden" in capsys.readouterr().err
    assert [path.name for path in (tiny.root / "organisaties").iterdir() if "brug" in path.name] == []


def test_scaffold_outside_a_catalogue_says_so(tmp_path, capsys):
    assert new("organisatie", "Stichting De Brug", "--catalogus", str(tmp_path)) == 1
    assert "geen catalogus" in capsys.readouterr().err


# --- CONTRIBUTING.md ----------------------------------------------------------------------------

def test_generated_files_are_up_to_date_with_the_schemas(monkeypatch, capsys):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert replace_generated(text, field_reference(SCHEMA)) == text, \
        "CONTRIBUTING.md is out of date: run make bijwerken"
    monkeypatch.chdir(ROOT)
    assert main(["bijwerken", "--controleer"]) == 0, capsys.readouterr().err


def test_bijwerken_finds_and_rewrites_a_stale_file(tmp_path, monkeypatch, capsys):
    shutil.copytree(REAL_CATALOGUE / "schema", tmp_path / "catalogue" / "schema")
    shutil.copytree(REAL_CATALOGUE / "vocabulaires", tmp_path / "catalogue" / "vocabulaires")
    shutil.copy(ROOT / "CONTRIBUTING.md", tmp_path / "CONTRIBUTING.md")
    monkeypatch.chdir(tmp_path)
    words = tmp_path / "catalogue" / "vocabulaires" / "themas.yml"
    words.write_text(words.read_text(encoding="utf-8") + "- waarde: nieuw-thema\n  label: Een nieuw thema\n",
                     encoding="utf-8")
    assert main(["bijwerken", "--controleer"]) == 1
    assert "vocabulaires.schema.json" in capsys.readouterr().err
    assert main(["bijwerken"]) == 0
    assert "nieuw-thema" in (tmp_path / "catalogue" / "schema" / "vocabulaires.schema.json").read_text(encoding="utf-8")
    assert "| `nieuw-thema` | Een nieuw thema |" in (tmp_path / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert main(["bijwerken", "--controleer"]) == 0


def test_contributing_names_every_field_and_every_vocabulary_value():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for kind in KINDS:
        for field in SCHEMA.fields[kind.folder]:
            assert f"- **`{field.name}`** (" in text
            for term in field.choices:
                assert f"| `{term.value}` |" in text


def test_field_reference_follows_a_schema_change(tiny):
    schema_path = tiny.root / "schema" / "organisaties.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["naam"]["description"] = "Een heel nieuwe uitleg."
    schema_path.write_text(json.dumps(schema), encoding="utf-8")
    assert "Een heel nieuwe uitleg." in field_reference(load_schema(tiny.root)[0])


# --- validator output ---------------------------------------------------------------------------

def broken(tiny) -> None:
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    text = path.read_text().replace("beschrijving:", "beschrijvng:").replace("  - jongeren\n", "  - jongern\n")
    path.write_text(text)


def test_output_tekst(tiny, capsys):
    broken(tiny)
    assert validate("--catalogus", str(tiny.root)) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [line.split(": ")[0] for line in lines] == ["catalogue/organisaties/jongerenraad-test.yml:4",
                                                        "catalogue/organisaties/jongerenraad-test.yml:6"]
    assert "Bedoelde je 'beschrijving'?" in lines[0] and "Bedoelde je 'jongeren'?" in lines[1]
    assert "2 fout(en) gevonden" in err


def test_output_github_annotations(tiny, capsys):
    broken(tiny)
    assert validate("--catalogus", str(tiny.root), "--formaat", "github") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=catalogue/organisaties/jongerenraad-test.yml,line=4,title=onbekend-veld"
                               "::onbekend veld 'beschrijvng'. Bedoelde je 'beschrijving'?")
    assert all(re.fullmatch(r"::error file=catalogue/[a-z/-]+\.yml,line=\d+,title=[a-z-]+::[^\n]+", line)
               for line in lines)


def test_output_github_escapes_newlines(tiny, capsys):
    path = tiny.root / "organisaties/jongerenraad-test.yml"
    path.write_text(path.read_text().replace("  - jongerenparticipatie\n", "").replace("themas:\n",
                                                                                      "themas: beleid\n"))
    validate("--catalogus", str(tiny.root), "--formaat", "github")
    [line] = capsys.readouterr().out.splitlines()
    assert "%0A" in line and line.startswith("::error file=catalogue/organisaties/jongerenraad-test.yml,line=")


def test_output_json(tiny, capsys):
    broken(tiny)
    assert validate("--catalogus", str(tiny.root), "--formaat", "json") == 1
    problems = json.loads(capsys.readouterr().out)
    assert {"file", "line", "code", "field", "message"} <= set(problems[0])
    by_field = {p["field"]: p for p in problems}
    assert by_field["beschrijvng"]["line"] == 4 and by_field["beschrijvng"]["code"] == "onbekend-veld"
    assert by_field["beschrijvng"]["file"] == "catalogue/organisaties/jongerenraad-test.yml"
    assert "Bedoelde je 'beschrijving'?" in by_field["beschrijvng"]["message"]
    assert by_field["doelgroepen[1]"]["line"] == 6
    assert "Bedoelde je 'jongeren'?" in by_field["doelgroepen[1]"]["message"]
    assert "beschrijving" not in by_field   # the misspelling is the one message about it


def test_output_json_of_a_valid_catalogue_is_an_empty_list(tiny, capsys):
    assert validate("--catalogus", str(tiny.root), "--formaat", "json") == 0
    assert json.loads(capsys.readouterr().out) == []


# --- freshness ----------------------------------------------------------------------------------

def test_stale_lists_entries_older_than_a_year(tiny, capsys):
    path = tiny.root / "bronnen/een-bron.yml"
    path.write_text(path.read_text().replace("2026-11-01", "2025-10-01"))
    assert stale("--catalogus", str(tiny.root), "--vandaag", "2026-11-23") == 0
    out = capsys.readouterr().out
    assert out == "catalogue/bronnen/een-bron.yml: laatst gecontroleerd op 1 oktober 2025 (418 dagen geleden)\n"
    assert stale("--catalogus", str(tiny.root), "--vandaag", "2026-11-23", "--streng") == 1


def test_stale_strict_passes_when_everything_is_fresh(tiny, capsys):
    assert stale("--catalogus", str(tiny.root), "--vandaag", "2026-11-23", "--streng") == 0
    assert capsys.readouterr().out == ""
    assert stale("--catalogus", str(tiny.root), "--vandaag", "2027-11-02", "--streng") == 1
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_stale_list_is_the_statistics_list_in_the_same_order(tiny, capsys):
    tiny.edit("bronnen/een-bron.yml", "2026-11-01", "2025-10-01")
    tiny.edit("organisaties/jongerenraad-test.yml", "2026-11-01", "2025-09-01")
    stale("--catalogus", str(tiny.root), "--vandaag", "2026-11-23")
    listed = [line.split(":")[0] for line in capsys.readouterr().out.splitlines()]
    due = load_catalogue(tiny.root).due_for_check(dt.date(2026, 11, 23))
    assert listed == [entry.file for entry in due] == ["catalogue/organisaties/jongerenraad-test.yml",
                                                       "catalogue/bronnen/een-bron.yml"]


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
    assert validate("--catalogus", str(tiny.root), "--formaat", "json") == 1
    found = [(p["code"], p["line"]) for p in json.loads(capsys.readouterr().out)]
    assert found == [("onbekend-veld", 4), ("niet-in-lijst", 6), ("bron-bestaat-niet", 8)]


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
    assert [p.path for p in caught.value.problems] == [("bronnen", 0), ("gerelateerd",)]


def test_output_github_escapes_the_file_name_so_it_cannot_add_properties(tiny, capsys):
    path = tiny.root / "organisaties" / "x,title=Nep,line=1.yml"
    path.write_text("naam: x\n", encoding="utf-8")
    validate("--catalogus", str(tiny.root), "--formaat", "github")
    lines = [line for line in capsys.readouterr().out.splitlines() if "title=Nep" in line]
    properties = [line.split("::")[1] for line in lines]   # "error file=...,line=...,title=code"
    assert properties and all(p.startswith("error file=catalogue/organisaties/x%2Ctitle=Nep%2Cline=1.yml")
                              for p in properties)
    assert all(p.count(",title=") == 1 and ",title=Nep" not in p for p in properties)


# --- the local route ------------------------------------------------------------------------------

def test_the_project_command_runs_the_installed_one_or_says_in_dutch_what_to_do(tmp_path):
    import subprocess
    result = subprocess.run([str(ROOT / "kennisbank"), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout.startswith("Gebruik: kennisbank")
    fresh = tmp_path / "kloon"
    fresh.mkdir()
    shutil.copy(ROOT / "kennisbank", fresh / "kennisbank")
    result = subprocess.run([str(fresh / "kennisbank"), "controleer"], capture_output=True, text=True, cwd=fresh)
    assert result.returncode == 1
    assert "nog niet geïnstalleerd" in result.stderr and "make site" in result.stderr


ENGLISH = re.compile(r"usage:|show this help|positional arguments|optional arguments|options:|error:|invalid choice|"
                     r"required:|expected one argument|unrecognized|\b(?:the|and|with|where|a new|file)\b",
                     re.IGNORECASE)


@pytest.mark.parametrize("args", [["--help"], ["controleer", "--help"], ["nieuw", "--help"], ["verouderd", "--help"],
                                  ["handboek", "--help"], ["links", "--help"], ["bouw", "--help"],
                                  ["offline", "--help"], ["bijwerken", "--help"], ["samenvatting", "--help"],
                                  ["bla"], ["nieuw"], ["verouderd", "--vandaag", "morgen"], ["controleer", "-x"],
                                  ["controleer", "--formaat"], ["samenvatting", "--voorbeeld", "x", "--geen-voorbeeld"]],
                         ids=lambda a: " ".join(a))
def test_every_command_helps_and_errs_in_dutch(args, capsys):
    with pytest.raises(SystemExit):
        main(args)
    out, err = capsys.readouterr()
    assert (out + err).strip() and not ENGLISH.search(out + err), out + err


def test_the_guide_explains_githubs_steps_and_words_and_the_first_check():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for button in ("**Commit changes…**", "**Propose changes**", "**Create pull request**"):
        assert button in text
    words = text.split("## Woorden van GitHub", 1)[1].split("\n## ", 1)[0]
    for word in ("pull request", "commit", "fork", "Files changed", "Approve and run", "Artifacts"):
        assert f"**{word}" in words, word
    assert "Approve and run" in text.split("## Wat er gebeurt na je pull request", 1)[1].split("\n## ", 1)[0]
    assert "Na een paar minuten controleert GitHub je bestand" not in text
    assert "knop **Bewerken**" not in text and "Wijzig deze pagina" in text
    assert "scripts/" not in text and ".venv/bin/python" not in text


def test_the_generated_field_list_reads_well():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "?.**" not in text and "!.**" not in text
    assert "Organisaties: de bestandsnamen" not in text
    for line in text.splitlines():
        if line.startswith("- **`"):
            sentences = [s.strip() for s in line.split(". ") if s.strip()]
            assert len(sentences) == len(set(sentences)), line
