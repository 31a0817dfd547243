"""kennisbank links: check the web addresses in the catalogue and report, in Dutch, which could not be reached.

    kennisbank links                  # what `make links` runs; always exit 0
    kennisbank links --streng         # exit 1 when an address is broken or unreachable
    kennisbank links --wachttijd 10   # wait longer per address

Never part of the site build: without a network every address is 'niet bereikbaar',
which says nothing about the catalogue.
"""

from __future__ import annotations

import argparse

from kennisbank.commands import add_catalogue_option, load_or_report
from kennisbank.links import OK, UNREACHABLE, check_urls, external_urls


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("links", help="controleer de webadressen in de catalogus",
                                 description="Controleer of de webadressen in de catalogus werken.")
    parser.add_argument("--wachttijd", type=float, default=5, metavar="SECONDEN",
                        help="seconden wachten per adres (standaard 5)")
    parser.add_argument("--streng", action="store_true", help="eindig met code 1 als een adres niet werkt")
    add_catalogue_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalogue = load_or_report(args.catalogus, "er is niets nagekeken")
    if catalogue is None:
        return 1
    urls = external_urls(catalogue)
    print(f"{len(urls)} webadressen controleren (hoogstens {args.wachttijd:g} s per adres)...", flush=True)
    results = check_urls(urls, timeout=args.wachttijd)
    failed = {url: result for url, result in sorted(results.items()) if result.state != OK}
    for url, result in failed.items():
        print(f"\n{result.state.upper()}: {url}\n    {result.reason}")
        for file, field in urls[url]:
            print(f"    in {file} ({field})")
    unreachable = sum(r.state == UNREACHABLE for r in failed.values())
    print(f"\nKlaar: {len(results) - len(failed)} in orde, {len(failed) - unreachable} kapot, "
          f"{unreachable} niet bereikbaar.")
    if results and unreachable == len(results):
        print("Geen enkel adres was bereikbaar. Is er wel internet? Dat is dan geen fout in de catalogus.")
    return 1 if args.streng and failed else 0
