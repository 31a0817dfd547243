"""The catalogue as plain data: records for catalogus.json, catalogus.csv and the explorer.

One record per entry, with every field of the entry plus where it lives::

    records(catalogue, "https://example.org/kb/")[0]
    # {"id": "organisaties/bmc", "categorie": "organisaties",
    #  "pagina": "https://example.org/kb/organisaties/bmc/", "naam": "BMC", ...}

The CSV columns come from the JSON Schemas (kennisbank.fields), so the file and
the field list on the open-data page cannot drift from the schemas. The CSV is
written for Dutch Excel: UTF-8 with a byte order mark (else Excel reads it as
Windows-1252 and breaks ë and é) and semicolons (Dutch Excel uses the comma as
decimal sign and expects ';' between columns), so a double click opens it in columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from kennisbank.kinds import KINDS
from kennisbank.model import Catalogue, Entry
from kennisbank.pages import Renderer
from kennisbank.schema import Schema

JSON_FILE = "catalogus.json"
CSV_FILE = "catalogus.csv"
CSV_DELIMITER = ";"
LIST_SEPARATOR = " | "
LICENCE = "CC BY 4.0"
# Excel runs a cell that starts with one of these as a formula; such cells get a leading '.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """A column of catalogus.csv (and a key of the JSON records, or a sub-key for groups)."""

    name: str                 # "naam", "leeftijd.van"
    title: str
    description: str
    kinds: tuple[str, ...]    # folders whose entries can fill it
    required_in: tuple[str, ...] = ()


# Columns every record has, before the fields of the entry itself.
BASE_COLUMNS = (
    Column("id", "Id", "Soort en bestandsnaam van het item, zoals organisaties/nationale-jeugdraad. "
           "Andere items verwijzen zo naar dit item (veld gerelateerd).", tuple(k.folder for k in KINDS),
           tuple(k.folder for k in KINDS)),
    Column("categorie", "Soort item", "organisaties, voorbeelden, checklists, agenda of bronnen.",
           tuple(k.folder for k in KINDS), tuple(k.folder for k in KINDS)),
    Column("pagina", "Pagina", "Het webadres van de pagina over dit item in de kennisbank.",
           tuple(k.folder for k in KINDS), tuple(k.folder for k in KINDS)),
)


def plain(value: Any) -> Any:
    """Read-only model values (mapping proxies, tuples) as JSON-ready dicts and lists."""
    if isinstance(value, (dict, MappingProxyType)):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def page_url(entry: Entry, site_url: str) -> str:
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    return f"{base}{entry.kind.folder}/{entry.slug}/"


def records(catalogue: Catalogue, site_url: str = "") -> list[dict[str, Any]]:
    """Every entry, kind by kind in the site's order, its fields in schema order."""
    result = []
    for entry in catalogue.sorted_entries():
        record: dict[str, Any] = {"id": f"{entry.kind.folder}/{entry.slug}", "categorie": entry.kind.folder,
                                  "pagina": page_url(entry, site_url)}
        for field in catalogue.schema.fields[entry.kind.folder]:
            if field.name in entry.fields:
                record[field.name] = plain(entry.fields[field.name])
        result.append(record)
    return result


def columns(schema: Schema) -> list[Column]:
    """The CSV columns: the base columns, then every schema field of every kind, once.

    A group of fields (leeftijd, randvoorwaarden) gets a column per sub-field; a
    list of groups (the points of a checklist) stays one column holding JSON.
    """
    found: dict[str, Column] = {column.name: column for column in BASE_COLUMNS}
    for kind in KINDS:
        for field in schema.fields[kind.folder]:
            parts = ([(f"{field.name}.{child.name}", child, field.required and child.required)
                      for child in field.children] if field.type == "groep"
                     else [(field.name, field, field.required)])
            for name, spec, required in parts:
                # "Wat is er nodig? Vergoeding", not "Wat is er nodig?: Vergoeding".
                joint = " " if field.title[-1:] in "?!." else ": "
                title = f"{field.title}{joint}{spec.title}" if spec is not field else spec.title
                known = found.get(name)
                if known is None:
                    found[name] = Column(name, title, spec.description, (kind.folder,),
                                         (kind.folder,) if required else ())
                else:
                    # A field that means something else per kind (soort) gets both explanations.
                    description = known.description
                    if spec.description and spec.description not in description:
                        description += f" Bij {kind.folder}: {spec.description}"
                    found[name] = Column(name, known.title, description, known.kinds + (kind.folder,),
                                         known.required_in + ((kind.folder,) if required else ()))
    return list(found.values())


def cell(value: Any) -> str:
    """One CSV cell: lists joined with ' | ', lists of groups as JSON, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, list):
        if any(isinstance(item, (dict, list)) for item in value):
            text = json.dumps(value, ensure_ascii=False)
        else:
            text = LIST_SEPARATOR.join(str(item) for item in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def lookup(record: dict[str, Any], name: str) -> Any:
    """record["leeftijd"]["van"] for the column "leeftijd.van"."""
    head, _, sub = name.partition(".")
    value = record.get(head)
    if not sub:
        return value
    return value.get(sub) if isinstance(value, dict) else None


def catalogue_csv(catalogue: Catalogue, site_url: str = "") -> str:
    """catalogus.csv as text, starting with a byte order mark; one row per entry."""
    header = columns(catalogue.schema)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(column.name for column in header)
    for record in records(catalogue, site_url):
        writer.writerow(cell(lookup(record, column.name)) for column in header)
    return out.getvalue()


def catalogue_json(catalogue: Catalogue, site_url: str, today: dt.date) -> str:
    """catalogus.json: the entries plus the word lists, so codes can be read as labels."""
    items = records(catalogue, site_url)
    data = {
        "titel": "Kennisbank Ervaringsdeskundigheid Jeugd: de hele catalogus",
        "bron": site_url,
        "licentie": LICENCE,
        "gemaakt_op": today.isoformat(),
        "aantal": len(items),
        "items": items,
        "vocabulaires": {
            name: [{"waarde": t.value, "label": t.label, **({"uitleg": t.explanation} if t.explanation else {})}
                   for t in vocabulary.terms]
            for name, vocabulary in sorted(catalogue.vocabularies.items())
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


OPEN_DATA_PAGE = "open-data/index.md"


def render_open_data(catalogue: Catalogue, today: dt.date) -> str:
    """The page describing catalogus.json and catalogus.csv, its field list taken from the schemas."""
    return Renderer(catalogue, today).render(
        "open_data.md.j2", OPEN_DATA_PAGE, columns=columns(catalogue.schema),
        json_file=JSON_FILE, csv_file=CSV_FILE, separator=LIST_SEPARATOR, licence=LICENCE,
        count=len(catalogue.entries))
