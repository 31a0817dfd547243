"""Check the web addresses in the catalogue and report, in Dutch, which could not be reached.

    python scripts/links.py                 # what `make links` runs; always exit 0
    python scripts/links.py --strict        # exit 1 when an address is broken or unreachable
    python scripts/links.py --timeout 10    # wait longer per address

Never part of the site build: without a network every address is 'niet bereikbaar',
which says nothing about the catalogue.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank import CatalogueError, load_catalogue  # noqa: E402
from kennisbank.links import OK, UNREACHABLE, check_urls, external_urls  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Controleer de webadressen in de catalogus.")
    parser.add_argument("--catalogus", type=Path, default=ROOT / "catalogue", help="map van de catalogus")
    parser.add_argument("--timeout", type=float, default=5, help="seconden wachten per adres (standaard 5)")
    parser.add_argument("--strict", action="store_true", help="eindig met code 1 als een adres niet werkt")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(args.catalogus)
    except CatalogueError as error:
        for problem in error.problems:
            print(problem)
        print("\nDe catalogus heeft fouten; herstel die eerst (make validate).", file=sys.stderr)
        return 1

    urls = external_urls(catalogue)
    print(f"{len(urls)} webadressen controleren (hoogstens {args.timeout:g} s per adres)...", flush=True)
    results = check_urls(urls, timeout=args.timeout)
    failed = {url: result for url, result in sorted(results.items()) if result.state != OK}
    for url, result in failed.items():
        print(f"\n{result.state.upper()}: {url}\n    {result.reason}")
        for file, field in urls[url]:
            print(f"    in {file} (veld '{field}')")
    unreachable = sum(r.state == UNREACHABLE for r in failed.values())
    print(f"\nKlaar: {len(results) - len(failed)} in orde, {len(failed) - unreachable} kapot, "
          f"{unreachable} niet bereikbaar.")
    if results and unreachable == len(results):
        print("Geen enkel adres was bereikbaar. Is er wel internet? Dat is dan geen fout in de catalogus.")
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
