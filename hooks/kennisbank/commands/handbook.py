"""kennisbank handboek: make the PDFs without building the whole site.

    kennisbank handboek                                  # every PDF of the site, into site/
    kennisbank handboek --site-map /tmp/pdf              # the same, elsewhere
    kennisbank handboek --thema ouderperspectief -o kort.pdf     # one shorter handbook
    kennisbank handboek --doelgroep ouders -o voor-ouders.pdf

Files are written through a temporary file and a rename: a failure never leaves half a PDF.
Exit code 1 with a Dutch message when the catalogue has mistakes or a PDF cannot be made.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from kennisbank.commands import add_catalogue_option, load_or_report
from kennisbank.files import write_atomic
from kennisbank.handbook import Edition, HandbookError, docs_pages, handbook_pdf, page_count, pdf_files, select

CONFIG = Path("mkdocs.yml")


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("handboek", help="maak het handboek en de werkbladen als PDF",
                                 description="Maak het handboek, de werkbladen en de korte versies als PDF, zonder "
                                             "de hele site.")
    parser.add_argument("--thema", help="alleen items met dit thema (bijvoorbeeld ouderperspectief)")
    parser.add_argument("--doelgroep", help="alleen items voor deze doelgroep (bijvoorbeeld ouders)")
    parser.add_argument("-o", "--uitvoer", type=Path, metavar="BESTAND", help="schrijf alleen dat handboek naar dit bestand")
    parser.add_argument("--site-map", type=Path, default=Path("site"), metavar="MAP",
                        help="map voor de PDF's (standaard: site)")
    add_catalogue_option(parser)
    parser.set_defaults(run=run)


def site_url() -> str:
    """site_url from mkdocs.yml, read by MkDocs itself; "" without it."""
    if not CONFIG.is_file():
        return ""
    from mkdocs.config import load_config   # only here: the core knows nothing of MkDocs
    return load_config(str(CONFIG)).site_url or ""


def run(args: argparse.Namespace) -> int:
    if (args.thema or args.doelgroep) and not args.uitvoer:
        print("Geef bij --thema of --doelgroep ook -o BESTAND.pdf op.", file=sys.stderr)
        return 2
    catalogue = load_or_report(args.catalogus, "er is geen PDF gemaakt")
    if catalogue is None:
        return 1
    started = time.perf_counter()
    try:
        edition = Edition(site_url=site_url())
        pages = docs_pages(Path("docs"))
        if args.uitvoer:
            short, selection = select(catalogue, thema=args.thema, doelgroep=args.doelgroep)
            data = handbook_pdf(short, replace(edition, selection=selection), pages)
            write_atomic(args.uitvoer, data)
            print(f"{args.uitvoer}: {page_count(data)} pagina's in {time.perf_counter() - started:.1f} s")
        else:
            files = pdf_files(catalogue, edition, pages, say=print)
            for pdf in files:
                write_atomic(args.site_map / pdf.path, pdf.data)
            print(f"{len(files)} PDF's in {args.site_map}/ in {time.perf_counter() - started:.1f} s")
    except HandbookError as error:
        print(f"Er is geen PDF gemaakt: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Er is geen PDF gemaakt: {error.strerror or error} ({error.filename or ''}).", file=sys.stderr)
        return 1
    return 0
