"""The catalogue as plain data: records for catalogus.json, catalogus.csv and the explorer.

One record per entry, with every field of the entry plus where it lives::

    records(catalogue, root, "https://example.org/kb/")[0]
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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kennisbank.fields import kinds_fields
from kennisbank.model import KINDS, Catalogue, Entry
from kennisbank.pages import Renderer

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
    if isinstance(value, (dict, MappingProxyType)):  # not the Mapping ABC: 5x slower at 5,000 entries
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def page_url(entry: Entry, site_url: str) -> str:
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    return f"{base}{entry.kind.folder}/{entry.slug}/"


def records(catalogue: Catalogue, root: Path, site_url: str = "") -> list[dict[str, Any]]:
    """Every entry, kind by kind in the site's order, its fields in schema order."""
    result = []
    fields = kinds_fields(root, dict(catalogue.vocabularies))
    for kind in KINDS:
        order = [field.name for field in fields[kind.folder]]
        in_schema = set(order)
        for entry in catalogue.of_kind(kind.folder):
            record: dict[str, Any] = {"id": f"{kind.folder}/{entry.slug}", "categorie": kind.folder,
                                      "pagina": page_url(entry, site_url)}
            values = entry.fields
            for name in order + [name for name in values if name not in in_schema]:
                if name in values:
                    value = values[name]
                    record[name] = value if type(value) is str else plain(value)   # most values are text
            result.append(record)
    return result


def columns(root: Path, vocabularies: Mapping[str, Any] | None = None) -> list[Column]:
    """The CSV columns: the base columns, then every schema field of every kind, once.

    A group of fields (leeftijd, randvoorwaarden) gets a column per sub-field; a
    list of groups (the points of a checklist) stays one column holding JSON.
    """
    found: dict[str, Column] = {column.name: column for column in BASE_COLUMNS}
    fields = kinds_fields(root, dict(vocabularies) if vocabularies is not None else None)
    for kind in KINDS:
        for field in fields[kind.folder]:
            parts = ([(f"{field.name}.{child.name}", child, field.required and child.required)
                      for child in field.children] if field.type == "groep"
                     else [(field.name, field, field.required)])
            for name, spec, required in parts:
                title = f"{field.title}: {spec.title}" if spec is not field else spec.title
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


def catalogue_csv(catalogue: Catalogue, root: Path, site_url: str = "",
                  items: list[dict[str, Any]] | None = None) -> str:
    """catalogus.csv as text, starting with a byte order mark; one row per entry.

    `items`: records(catalogue, root, site_url), when the caller has them already.
    """
    header = columns(root, catalogue.vocabularies)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(column.name for column in header)
    for record in records(catalogue, root, site_url) if items is None else items:
        writer.writerow(cell(lookup(record, column.name)) for column in header)
    return out.getvalue()


def catalogue_json(catalogue: Catalogue, root: Path, site_url: str = "",
                   today: dt.date | None = None, items: list[dict[str, Any]] | None = None) -> str:
    """catalogus.json: the entries plus the word lists, so codes can be read as labels.

    `items`: records(catalogue, root, site_url), when the caller has them already.
    """
    if items is None:
        items = records(catalogue, root, site_url)
    data = {
        "titel": "Kennisbank Ervaringsdeskundigheid Jeugd: de hele catalogus",
        "bron": site_url,
        "licentie": LICENCE,
        "gemaakt_op": (today or dt.date.today()).isoformat(),
        "aantal": len(items),
        "items": items,
        "vocabulaires": {
            name: [{"waarde": t.value, "label": t.label, **({"uitleg": t.explanation} if t.explanation else {})}
                   for t in vocabulary.terms]
            for name, vocabulary in sorted(catalogue.vocabularies.items())
        },
    }
    # No indent: json's C encoder only runs without it (ten times faster at 1,000 entries).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


OPEN_DATA_PAGE = "open-data/index.md"


def render_open_data(catalogue: Catalogue, root: Path, today: dt.date | None = None) -> str:
    """The page describing catalogus.json and catalogus.csv, its field list taken from the schemas."""
    kinds = {kind.folder: kind for kind in KINDS}
    return Renderer(catalogue, today).render(
        "open_data.md.j2", OPEN_DATA_PAGE, columns=columns(root, catalogue.vocabularies), kinds_by_folder=kinds,
        json_file=JSON_FILE, csv_file=CSV_FILE, separator=LIST_SEPARATOR, licence=LICENCE,
        count=len(catalogue.entries))
