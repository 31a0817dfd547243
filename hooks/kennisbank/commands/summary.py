"""kennisbank samenvatting: the Dutch summary of a pull request's check, as Markdown.

    kennisbank samenvatting --basis HEAD^1 --voorbeeld URL >> "$GITHUB_STEP_SUMMARY"
    kennisbank samenvatting --basis origin/main --geen-voorbeeld

Which entries the changes add, change or remove (with new sources written out in them), what
the validator found, and how to download and open the preview of the site. Always exit code 0
when it could write the summary: the check itself is `kennisbank controleer`.
"""

from __future__ import annotations

import argparse
import sys

from kennisbank import CatalogueError, load_catalogue
from kennisbank.commands import add_catalogue_option, is_catalogue
from kennisbank.review import GitError, changed_entries, changed_files, summary


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("samenvatting", help="schrijf de samenvatting van een controle (Markdown)",
                                 description="Schrijf in Markdown welke items veranderen, wat de controle vond en hoe "
                                             "je het voorbeeld van de site opent.")
    parser.add_argument("--basis", default="HEAD^1", metavar="VERSIE",
                        help="vergelijk met deze versie (standaard HEAD^1: de hoofdtak bij een pull request)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--voorbeeld", default="", metavar="ADRES", help="het adres om het voorbeeld te downloaden")
    group.add_argument("--geen-voorbeeld", action="store_true", help="er is geen voorbeeld gemaakt")
    add_catalogue_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not is_catalogue(args.catalogus):
        return 1
    try:
        catalogue, problems = load_catalogue(args.catalogus), None
    except CatalogueError as error:
        catalogue, problems = None, error.problems
    try:
        files = changed_files(args.catalogus, args.basis)
    except GitError as error:
        print(f"Welke bestanden veranderen, kon git niet zeggen ({error}).", file=sys.stderr)
        files = []
    changes = changed_entries(args.catalogus, files, catalogue, args.basis)
    found = problems if problems is not None else list(catalogue.warnings)
    print(summary(changes, found, built=not args.geen_voorbeeld, preview_url=args.voorbeeld), end="")
    return 0
