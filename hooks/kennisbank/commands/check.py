"""kennisbank controleer: check the whole catalogue and report every problem, as the site build does.

    kennisbank controleer                    # plain Dutch, for people
    kennisbank controleer --formaat github   # annotations on a pull request
    kennisbank controleer --formaat json     # a list of problems for tools

Exit code 0 when the catalogue is fine (warnings allowed), 1 when it has errors.
"""

from __future__ import annotations

import argparse
import json
import sys

from kennisbank import CatalogueError, Problem, load_catalogue
from kennisbank.commands import add_catalogue_option, is_catalogue
from kennisbank.problems import field_name


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("controleer", help="controleer de hele catalogus",
                                 description="Controleer de hele catalogus en toon elke fout met bestand en regel.")
    parser.add_argument("--formaat", choices=("tekst", "github", "json"), default="tekst",
                        help="tekst (standaard), github (annotaties) of json")
    add_catalogue_option(parser)
    parser.set_defaults(run=run)


def _data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value: also ':' and ',', which would end the value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(problem: Problem) -> str:
    """A GitHub Actions workflow command (an annotation on the changed line of the pull request)."""
    level = "warning" if problem.warning else "error"
    where = f"file={_property(problem.file)}" + (f",line={problem.line}" if problem.line else "")
    return f"::{level} {where},title={_property(problem.code)}::{_data(problem.message)}"


def as_json(problems: list[Problem]) -> str:
    return json.dumps(
        [{"file": p.file, "line": p.line, "code": p.code, "field": field_name(p.path) or None, "message": p.message,
          "level": "waarschuwing" if p.warning else "fout"} for p in problems],
        ensure_ascii=False, indent=2,
    )


def run(args: argparse.Namespace) -> int:
    if not is_catalogue(args.catalogus):
        return 1
    try:
        catalogue = load_catalogue(args.catalogus)
        problems, count = list(catalogue.warnings), len(catalogue.entries)
    except CatalogueError as error:
        problems, count = error.problems, None
    if args.formaat == "json":
        print(as_json(problems))
    elif args.formaat == "github":
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
