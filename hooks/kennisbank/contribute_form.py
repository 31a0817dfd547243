"""The contributor form pages (/bijdragen/): one page per kind, generated from its schema.

Each page holds a plain HTML form (labels, hints, choices from the word lists)
and, as JSON, what the browser script docs/assets/bijdragen.js needs to check the
answers by the same rules as the validator and turn them into a YAML file: the fields
(from the schemas), the text checks (kennisbank.safety), the file name rule
(kennisbank.names) and the messages (kennisbank.messages.FORM_MESSAGES). Then it opens
GitHub's "new file" page with the file filled in, or, when that address would be too
long for GitHub, the empty page plus a copy button::

    pages = form_pages(catalogue, "https://github.com/org/repo")
    pages["bijdragen/index.md"]      # the organisation form
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from kennisbank.fields import Field
from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.messages import FORM_MESSAGES
from kennisbank.model import Catalogue, Entry
from kennisbank.names import MAX_SLUG, entity_table, transliteration_table
from kennisbank.placeholders import PLACEHOLDER
from kennisbank.safety import form_rules
from kennisbank.scaffold import modeline
from kennisbank.templates import environment, front_matter

# Fields the form leaves to the editors: links between entries need knowledge of the whole catalogue.
SKIPPED = {"gerelateerd"}
# How many new sources one form can add (each a block of fields, shown one after the other).
NEW_SOURCES = 3
# GitHub's new-file page is opened with the file in its address. Longer addresses fail (GitHub answers
# with an error page from about 8,000 characters); above this the form offers copy and paste instead.
MAX_URL = 7000


@dataclass(frozen=True)
class FormPage:
    folder: str
    path: str          # page in the docs folder
    title: str


FORM_PAGES = (
    FormPage("organisaties", "bijdragen/index.md", "Organisatie toevoegen"),
    FormPage("voorbeelden", "bijdragen/voorbeeld.md", "Goed voorbeeld toevoegen"),
    FormPage("bronnen", "bijdragen/bron.md", "Bron toevoegen"),
)


def form_fields(catalogue: Catalogue, folder: str) -> list[Field]:
    """The fields the form asks for."""
    return [f for f in catalogue.schema.fields[folder]
            if f.name not in SKIPPED and not (folder == "bronnen" and f.name == "bronnen")]


def new_source_fields(field: Field) -> list[Field]:
    """The fields the form asks for a new source: all but the references (which need the catalogue)."""
    return [f for f in field.new_fields if f.type not in ("verwijzing", "verwijzingen")]


def form_data(catalogue: Catalogue, folder: str, repo_url: str) -> dict:
    """Everything bijdragen.js needs, as plain data."""
    kind = KINDS_BY_FOLDER[folder]
    fields = []
    for field in form_fields(catalogue, folder):
        data = field.as_dict()
        data["new_fields"] = [f.as_dict() for f in new_source_fields(field)]
        fields.append(data)
    return {
        "folder": folder,
        "singular": kind.singular,
        "title_field": kind.title_field,
        "modeline": modeline(folder),
        "repo_url": repo_url.rstrip("/"),
        "taken": sorted(entry.slug for entry in catalogue.entries),
        "fields": fields,
        "new_sources": NEW_SOURCES,
        "rules": form_rules() | {"placeholder": PLACEHOLDER},
        "slug": {"max": MAX_SLUG, "table": transliteration_table(), "entities": entity_table()},
        "max_url": MAX_URL,
        "messages": FORM_MESSAGES,
    }


def _label(entry: Entry) -> str:
    """How an entry is shown in a list to choose from; a source with its publisher and year."""
    if entry.kind.folder != "bronnen":
        return entry.title
    publisher, year = entry.fields.get("uitgever"), entry.fields.get("jaar")
    details = ", ".join(str(part) for part in (publisher, year) if part)
    return f"{entry.title} ({details})" if details else entry.title


def _options(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """Existing entries per folder as (slug, label), for reference fields."""
    return {folder: sorted(((e.slug, _label(e)) for e in catalogue.of_kind(folder)), key=lambda o: o[1].lower())
            for folder in KINDS_BY_FOLDER}


def form_pages(catalogue: Catalogue, repo_url: str) -> dict[str, str]:
    env = environment(html=True)
    pages = {}
    options = _options(catalogue)
    for page in FORM_PAGES:
        # Inside <script type="application/json"> only "</" could end the element early.
        data_json = json.dumps(form_data(catalogue, page.folder, repo_url), ensure_ascii=False).replace("</", "<\\/")
        pages[page.path] = env.get_template("bijdragen.md.j2").render(
            page=page, pages=FORM_PAGES, kind=KINDS_BY_FOLDER[page.folder], fields=form_fields(catalogue, page.folder),
            options=options, data_json=data_json, repo_url=repo_url.rstrip("/"), new_sources=NEW_SOURCES,
            new_source_fields=new_source_fields, max_url=MAX_URL,
            front_matter=Markup(front_matter(title=page.title, description=f"Voeg zelf een "
                                f"{KINDS_BY_FOLDER[page.folder].singular} toe aan de kennisbank.",
                                # Forms answer no reader's question: kept out of search (issue 16).
                                search={"exclude": True})),
        )
    return pages
