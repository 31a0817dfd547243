"""The subcommands of `kennisbank` (see kennisbank.cli), one module each, and what they share.

Each module has add(subparsers), which declares the command, and a run(args) that returns
the exit code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kennisbank import Catalogue, CatalogueError, load_catalogue

CATALOGUE = Path("catalogue")   # relative to the project folder, where the commands run


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalogus", type=Path, default=CATALOGUE, metavar="MAP",
                        help="map van de catalogus (standaard: catalogue)")


def date(text: str) -> dt.date:
    """A date option (jjjj-mm-dd), refused in Dutch."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum. Schrijf jaar-maand-dag, "
                                         f"bijvoorbeeld 2026-12-01.") from None


def is_catalogue(root: Path) -> bool:
    """Whether `root` holds a catalogue; if not, says so (commands run in the project folder)."""
    if (root / "schema").is_dir():
        return True
    print(f"In {root} staat geen catalogus (de map schema/ ontbreekt). Voer de opdracht uit in de map van "
          f"de kennisbank, of geef met --catalogus de map 'catalogue'.", file=sys.stderr)
    return False


def load_or_report(root: Path, then: str) -> Catalogue | None:
    """The catalogue, or None after printing its problems and `then` (what was not done)."""
    if not is_catalogue(root):
        return None
    try:
        return load_catalogue(root)
    except CatalogueError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"\nDe catalogus heeft {len(error.problems)} fout(en); {then}. Herstel ze eerst "
              f"(make validate).", file=sys.stderr)
        return None
