"""The command `kennisbank`: what contributors and maintainers run, with help and errors in Dutch.

    kennisbank controleer                     # check the catalogue (also: make validate)
    kennisbank nieuw organisatie "Naam"       # start a new entry
    kennisbank verouderd                      # entries not checked against their sources for a year
    kennisbank handboek                       # the PDFs
    kennisbank links                          # which web addresses answer
    kennisbank bouw                           # the whole site, swapped in only when complete (make site)
    kennisbank offline site-offline.zip       # the offline copy
    kennisbank bijwerken                      # files made from the schemas, after changing one
    kennisbank samenvatting                   # the Dutch summary of a pull request's check (Markdown)

Each command lives in kennisbank/commands/; only this module and those choose exit codes.
Run it from the project folder (the one with mkdocs.yml and catalogue/).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from kennisbank.commands import build, check, handbook, links, new, offline, stale, summary, update

COMMANDS = (check, new, stale, handbook, links, build, offline, update, summary)

# What argparse says (Python 3.11), in Dutch; applied in order to its error messages.
_ERRORS = (
    (r"the following arguments are required: (.*)", r"dit ontbreekt nog: \1"),
    (r"unrecognized arguments: (.*)", r"onbekend: \1"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"\1 bestaat niet; kies uit \2"),
    (r"invalid (\w+) value: (.*)", r"\2 is geen geldige waarde"),
    (r"expected one argument", r"hier hoort een waarde achter"),
    (r"ignored explicit argument (.*)", r"\1 hoort hier niet"),
    (r"not allowed with argument (.*)", r"kan niet samen met \1"),
    (r"one of the arguments (.*) is required", r"kies een van: \1"),
    (r"ambiguous option: (.*) could match (.*)", r"\1 kan meer betekenen: \2"),
    (r"^argument (\S+): ", r"bij \1: "),
)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Gebruik: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with Dutch headings, help and error messages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message: str) -> NoReturn:
        for pattern, dutch in _ERRORS:
            message = re.sub(pattern, dutch, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def parser() -> Parser:
    main_parser = Parser(prog="kennisbank", description="Werk aan de Kennisbank Ervaringsdeskundigheid Jeugd. "
                                                        "Voer de opdracht uit in de map van de kennisbank.")
    commands = main_parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", dest="opdracht", required=True)
    for command in COMMANDS:
        command.add(commands)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("\nAfgebroken.", file=sys.stderr)
        return 130
