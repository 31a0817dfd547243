"""kennisbank verouderd: the entries nobody has checked against their sources for more than a year.

    kennisbank verouderd                        # the list, oldest first
    kennisbank verouderd --streng               # exit code 1 when the list is not empty
    kennisbank verouderd --vandaag 2027-12-01   # as if today were that date

The same rule and order as the warning on an entry page and the statistics page
(Catalogue.due_for_check).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from kennisbank.commands import add_catalogue_option, date, load_or_report
from kennisbank.model import STALE_AFTER_DAYS
from kennisbank.templates import date_nl


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("verouderd", help="welke items zijn langer dan een jaar niet gecontroleerd?",
                                 description="Toon de items die langer dan een jaar niet met hun bronnen zijn "
                                             "vergeleken, de oudste eerst.")
    parser.add_argument("--streng", action="store_true", help="geef exitcode 1 als er zulke items zijn")
    parser.add_argument("--vandaag", type=date, default=dt.date.today(), metavar="DATUM",
                        help="de datum van vandaag (jjjj-mm-dd), om te testen")
    add_catalogue_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalogue = load_or_report(args.catalogus, "er is niets nagekeken")
    if catalogue is None:
        return 2
    due = catalogue.due_for_check(args.vandaag)
    for entry in due:
        days = (args.vandaag - entry.checked).days
        print(f"{entry.file}: laatst gecontroleerd op {date_nl(entry.checked)} ({days} dagen geleden)")
    if due:
        print(f"\n{len(due)} van de {len(catalogue.entries)} items zijn langer dan {STALE_AFTER_DAYS} dagen "
              f"niet gecontroleerd. Vergelijk ze met hun bronnen en zet de datum van vandaag in "
              f"'laatst_gecontroleerd'.", file=sys.stderr)
    else:
        print(f"Alle {len(catalogue.entries)} items zijn in de afgelopen {STALE_AFTER_DAYS} dagen gecontroleerd.",
              file=sys.stderr)
    return 1 if due and args.streng else 0
