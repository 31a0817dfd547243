"""Start a new catalogue entry: a file with every field, a Dutch comment per field and "VUL IN" where
a value is still needed.

    python scripts/new.py organisatie "Naam van de organisatie"
    python scripts/new.py voorbeeld "Titel van het voorbeeld"     # also: checklist, agendapunt, bron

Writes catalogue/<map>/<slug>.yml and never overwrites an existing file (exit code 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from slugify import slugify  # noqa: E402

from kennisbank.fields import kind_fields  # noqa: E402
from kennisbank.model import KINDS  # noqa: E402
from kennisbank.scaffold import PLACEHOLDER, scaffold, write_new  # noqa: E402

KINDS_BY_WORD = {kind.singular: kind for kind in KINDS}
MAX_SLUG = 80   # file names stay readable and far below the file system's limit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak een nieuw item voor de catalogus.")
    parser.add_argument("soort", choices=list(KINDS_BY_WORD), help="wat voor item: " + ", ".join(KINDS_BY_WORD))
    parser.add_argument("naam", help="de naam of titel, tussen aanhalingstekens")
    parser.add_argument("--catalogus", type=Path, default=ROOT / "catalogue", help="map van de catalogus")
    parser.add_argument("--vandaag", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="datum voor laatst_gecontroleerd (jjjj-mm-dd); standaard vandaag")
    args = parser.parse_args(argv)
    kind = KINDS_BY_WORD[args.soort]
    name = args.naam.strip()
    slug = slugify(name, max_length=MAX_SLUG, word_boundary=True)
    if not slug:
        print(f"Van de naam '{args.naam}' kan geen bestandsnaam gemaakt worden. "
              f"Gebruik letters of cijfers.", file=sys.stderr)
        return 1
    if not (args.catalogus / "schema" / "definities.schema.json").is_file():
        print(f"In {args.catalogus} staat geen catalogus (de map schema/ ontbreekt). "
              f"Geef met --catalogus de map 'catalogue' van de kennisbank.", file=sys.stderr)
        return 1
    title = next(field for field in kind_fields(args.catalogus, kind.folder) if field.name == kind.title_field)
    if title.max_length and len(name) > title.max_length:
        print(f"De {title.name} is {len(name)} tekens lang; dat mag hoogstens {title.max_length} zijn. "
              f"Kies een kortere {title.name} en zet de rest in de beschrijving.", file=sys.stderr)
        return 1
    path = args.catalogus / kind.folder / f"{slug}.yml"
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        write_new(path, scaffold(args.catalogus, kind.folder, name, args.vandaag))
    except FileExistsError:
        print(f"Het bestand {shown} bestaat al. Er is niets veranderd.\n"
              f"Wil je dat item aanpassen? Open dan dat bestand. Is het een ander item met dezelfde naam? "
              f"Kies dan een naam die het verschil laat zien.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Het bestand {shown} kon niet gemaakt worden: {error.strerror or error}. Er is niets veranderd.\n"
              f"Mag je in die map schrijven, en is er nog ruimte op de schijf?", file=sys.stderr)
        return 1
    print(f"Gemaakt: {shown}\n"
          f"Open het bestand en vervang elke '{PLACEHOLDER}'. Haal velden die niet verplicht zijn weg als je "
          f"ze niet weet.\nControleer daarna met: python scripts/validate.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
