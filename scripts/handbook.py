"""Make the handbook PDFs without building the whole site.

    python scripts/handbook.py                        # site/handboek.pdf + site/checklists/<slug>.pdf
    python scripts/handbook.py --site-dir /tmp/pdf    # the same, elsewhere
    python scripts/handbook.py --thema ouderperspectief -o kort.pdf     # a shorter handbook
    python scripts/handbook.py --doelgroep ouders -o voor-ouders.pdf

Files are written through a temporary file and a rename: a failure never leaves half a PDF.
Exit code 1 with a Dutch message when the catalogue has mistakes or the PDF cannot be made.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank import CatalogueError, load_catalogue  # noqa: E402
from kennisbank.handbook import (  # noqa: E402
    Edition, HandbookError, git_version, page_count, render_handbook_pdf, select, write_atomic, write_pdfs,
)


def site_url() -> str:
    # mkdocs.yml holds !ENV tags that yaml.safe_load refuses; one line is all we need.
    found = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak het handboek en de werkbladen als PDF.")
    parser.add_argument("--thema", help="alleen items met dit thema (bijvoorbeeld ouderperspectief)")
    parser.add_argument("--doelgroep", help="alleen items voor deze doelgroep (bijvoorbeeld ouders)")
    parser.add_argument("-o", "--output", type=Path, help="schrijf alleen het handboek naar dit bestand")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site",
                        help="map voor handboek.pdf en checklists/*.pdf (standaard: site/)")
    parser.add_argument("--catalogue", type=Path, default=ROOT / "catalogue", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if (args.thema or args.doelgroep) and not args.output:
        parser.error("geef bij --thema of --doelgroep ook -o BESTAND.pdf op")

    try:
        catalogue = load_catalogue(args.catalogue)
    except CatalogueError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"De catalogus heeft {len(error.problems)} fout(en); er is geen PDF gemaakt.", file=sys.stderr)
        return 1
    try:
        catalogue, selection = select(catalogue, thema=args.thema, doelgroep=args.doelgroep)
        edition = Edition(version=git_version(ROOT), site_url=site_url(), selection=selection)
        if args.output:
            started = time.perf_counter()
            print(f"Handboek maken ({len(catalogue.entries)} items{', ' + selection if selection else ''}) ...",
                  flush=True)
            data = render_handbook_pdf(catalogue, edition)
            write_atomic(args.output, data)
            print(f"  {args.output}: {page_count(data)} pagina's in {time.perf_counter() - started:.1f} s")
        else:
            write_pdfs(catalogue, args.site_dir, edition, say=lambda line: print(line, flush=True))
    except HandbookError as error:
        print(f"Er is geen PDF gemaakt: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Er is geen PDF gemaakt: {error.strerror or error} ({error.filename or ''}).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
