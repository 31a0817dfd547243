"""Check the whole catalogue and report every problem, as the site build does.

    python scripts/validate.py                  # plain Dutch, for people
    python scripts/validate.py --format github  # annotations on a pull request
    python scripts/validate.py --format json    # a list of problems for tools

Exit code 0 when the catalogue is fine, 1 when it has errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank import CatalogueError, Problem, load_catalogue  # noqa: E402


def github_line(problem: Problem) -> str:
    """A GitHub Actions workflow command; newlines and % must be escaped in the message."""
    message = str(problem.message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    level = "warning" if problem.warning else "error"
    where = f"file={problem.file}" + (f",line={problem.line}" if problem.line else "")
    return f"::{level} {where}::{message}"


def as_json(problems: list[Problem]) -> str:
    return json.dumps(
        [{"file": p.file, "line": p.line, "field": p.field, "message": p.message,
          "level": "waarschuwing" if p.warning else "fout"} for p in problems],
        ensure_ascii=False, indent=2,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Controleer de catalogus.")
    parser.add_argument("--format", choices=("tekst", "github", "json"), default="tekst",
                        help="tekst (standaard), github (annotaties) of json")
    parser.add_argument("--catalogus", type=Path, default=ROOT / "catalogue", help="map van de catalogus")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(args.catalogus)
        problems, count = list(catalogue.warnings), len(catalogue.entries)
    except CatalogueError as error:
        problems, count = error.problems, None
    if args.format == "json":
        print(as_json(problems))
    elif args.format == "github":
        for problem in problems:
            print(github_line(problem))
    else:
        for problem in problems:
            print(problem)
        errors = sum(not p.warning for p in problems)
        if count is None:
            print(f"\n{errors} fout(en) gevonden. Herstel ze en controleer opnieuw.", file=sys.stderr)
        else:
            print(f"Alles in orde: {count} items gecontroleerd.", file=sys.stderr)
    return 0 if count is not None else 1


if __name__ == "__main__":
    sys.exit(main())
