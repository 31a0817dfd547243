"""List the entries nobody has checked against their sources for more than a year.

    python scripts/stale.py                        # the list, oldest first
    python scripts/stale.py --strict               # exit code 1 when the list is not empty
    python scripts/stale.py --vandaag 2027-12-01   # as if today were that date

Uses the same rule as the entry pages (kennisbank.pages.is_stale).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank import CatalogueError, load_catalogue  # noqa: E402
from kennisbank.pages import STALE_AFTER_DAYS, date_nl, is_stale  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Welke items zijn langer dan een jaar niet gecontroleerd?")
    parser.add_argument("--strict", action="store_true", help="geef exitcode 1 als er zulke items zijn")
    parser.add_argument("--vandaag", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="de datum van vandaag (jjjj-mm-dd), om te testen")
    parser.add_argument("--catalogus", type=Path, default=ROOT / "catalogue", help="map van de catalogus")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(args.catalogus)
    except CatalogueError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"\nDe catalogus heeft {len(error.problems)} fout(en). Herstel die eerst "
              f"(python scripts/validate.py).", file=sys.stderr)
        return 2
    stale = sorted((e for e in catalogue.entries if is_stale(e, args.vandaag)), key=lambda e: (e.checked, e.file))
    for entry in stale:
        days = (args.vandaag - entry.checked).days
        print(f"{entry.file}: laatst gecontroleerd op {date_nl(entry.checked)} ({days} dagen geleden)")
    if stale:
        print(f"\n{len(stale)} van de {len(catalogue.entries)} items zijn langer dan {STALE_AFTER_DAYS} dagen "
              f"niet gecontroleerd. Vergelijk ze met hun bronnen en zet de datum van vandaag in "
              f"'laatst_gecontroleerd'.", file=sys.stderr)
    else:
        print(f"Alle {len(catalogue.entries)} items zijn in de afgelopen {STALE_AFTER_DAYS} dagen gecontroleerd.",
              file=sys.stderr)
    return 1 if stale and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
