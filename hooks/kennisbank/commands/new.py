"""kennisbank nieuw: start a new entry, a file with every field, a Dutch comment per field and "VUL IN"
where a value is still needed.

    kennisbank nieuw organisatie "Naam van de organisatie"
    kennisbank nieuw voorbeeld "Titel van het voorbeeld"     # also: checklist, agendapunt, bron

Writes catalogue/<map>/<slug>.yml and never overwrites an existing file (exit code 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from kennisbank.commands import add_catalogue_option, date, is_catalogue
from kennisbank.files import write_atomic
from kennisbank.kinds import KINDS
from kennisbank.names import MAX_SLUG, slug_for
from kennisbank.placeholders import PLACEHOLDER
from kennisbank.scaffold import scaffold
from kennisbank.schema import load_schema

KINDS_BY_WORD = {kind.singular: kind for kind in KINDS}
__all__ = ["MAX_SLUG", "add", "run"]


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("nieuw", help="begin een nieuw item", description="Begin een nieuw item: een bestand met elk veld, uitleg per veld en 'VUL IN' waar je nog "
                                                "iets moet invullen. Een bestaand bestand wordt nooit overschreven.")
    parser.add_argument("soort", choices=list(KINDS_BY_WORD), help="wat voor item: " + ", ".join(KINDS_BY_WORD))
    parser.add_argument("naam", help="de naam of titel, tussen aanhalingstekens")
    add_catalogue_option(parser)
    parser.add_argument("--vandaag", type=date, default=dt.date.today(), metavar="DATUM",
                        help="datum voor laatst_gecontroleerd (jjjj-mm-dd); standaard vandaag")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    kind = KINDS_BY_WORD[args.soort]
    name = args.naam.strip()
    slug = slug_for(name)
    if not slug:
        print(f"Van de naam '{args.naam}' kan geen bestandsnaam gemaakt worden. "
              f"Gebruik letters of cijfers.", file=sys.stderr)
        return 1
    if not is_catalogue(args.catalogus):
        return 1
    schema, _ = load_schema(args.catalogus)
    title = schema.field(kind.folder, kind.title_field)
    if title.max_length and len(name) > title.max_length:
        print(f"De {title.name} is {len(name)} tekens lang; dat mag hoogstens {title.max_length} zijn. "
              f"Kies een kortere {title.name} en zet de rest in de beschrijving.", file=sys.stderr)
        return 1
    path = args.catalogus / kind.folder / f"{slug}.yml"
    try:
        write_atomic(path, scaffold(schema, kind.folder, name, args.vandaag), new=True)
    except FileExistsError:
        print(f"Het bestand {path} bestaat al. Er is niets veranderd.\n"
              f"Wil je dat item aanpassen? Open dan dat bestand. Is het een ander item met dezelfde naam? "
              f"Kies dan een naam die het verschil laat zien.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Het bestand {path} kon niet gemaakt worden: {error.strerror or error}. Er is niets veranderd.\n"
              f"Mag je in die map schrijven, en is er nog ruimte op de schijf?", file=sys.stderr)
        return 1
    print(f"Gemaakt: {path}\n"
          f"Open het bestand en vervang elke '{PLACEHOLDER}'. Haal velden die niet verplicht zijn weg als je "
          f"ze niet weet.\nControleer daarna met: make validate")
    return 0
