"""kennisbank bijwerken: rewrite the files made from the schemas and word lists, after changing one.

    kennisbank bijwerken                # catalogue/schema/vocabulaires.schema.json and CONTRIBUTING.md
    kennisbank bijwerken --controleer   # exit 1 when one of them is out of date (a test runs this)

vocabulaires.schema.json lets editors suggest values; the field reference in CONTRIBUTING.md
(between two marker comments) lists every field, value list and a template per kind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kennisbank.commands import add_catalogue_option, is_catalogue
from kennisbank.contributing import MarkersMissing, field_reference, replace_generated
from kennisbank.fields import VOCABULARY_SCHEMA
from kennisbank.files import write_atomic
from kennisbank.schema import SCHEMA_FOLDER, load_schema
from kennisbank.vocabularies import vocabulary_schema_text

CONTRIBUTING = Path("CONTRIBUTING.md")


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("bijwerken", help="werk de bestanden bij die uit de schema's gemaakt worden",
                                 description="Werk vocabulaires.schema.json en de lijst met velden in "
                                             "CONTRIBUTING.md bij na een wijziging in een schema of woordenlijst.")
    parser.add_argument("--controleer", action="store_true", help="alleen controleren, niets schrijven")
    add_catalogue_option(parser)
    parser.set_defaults(run=run)


def generated(root: Path) -> dict[Path, str] | None:
    """Each generated file with the text it should have; None after reporting a problem."""
    schema, problems = load_schema(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return None
    try:
        contributing = replace_generated(CONTRIBUTING.read_text(encoding="utf-8"), field_reference(schema))
    except (OSError, MarkersMissing) as error:
        print(f"{CONTRIBUTING}: de lijst met velden kan niet bijgewerkt worden ({error}).", file=sys.stderr)
        return None
    return {root / SCHEMA_FOLDER / VOCABULARY_SCHEMA: vocabulary_schema_text(schema.vocabularies),
            CONTRIBUTING: contributing}


def run(args: argparse.Namespace) -> int:
    if not is_catalogue(args.catalogus) or (files := generated(args.catalogus)) is None:
        return 1
    stale = [path for path, text in files.items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if not stale:
        print("Alles is al bijgewerkt.")
        return 0
    if args.controleer:
        print(f"Niet bijgewerkt: {', '.join(map(str, stale))}. Voer uit: make bijwerken", file=sys.stderr)
        return 1
    for path in stale:
        write_atomic(path, files[path])
        print(f"{path} bijgewerkt.")
    return 0
