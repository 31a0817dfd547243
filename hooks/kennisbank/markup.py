"""The project's one Markdown configuration: the site (set by the MkDocs hook) and the handbook use it.

    to_html("Zie **dit** en [de site](https://voorbeeld.nl).")   # '<p>Zie <strong>dit</strong> en <a ...'

Catalogue text is Markdown without raw HTML (kennisbank.safety refuses it at load time).
"""

from __future__ import annotations

from collections.abc import Mapping

import markdown

# MkDocs always adds toc, tables and fenced_code; the rest is ours.
EXTENSIONS = ["toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "def_list", "md_in_html", "pymdownx.details",
              "pymdownx.tasklist"]
EXTENSION_CONFIGS = {
    "toc": {"permalink": True, "permalink_title": "Link naar dit deel"},
    "pymdownx.tasklist": {"custom_checkbox": True},
}


def extension_configs(abbreviations: Mapping[str, str]) -> dict[str, dict]:
    """The configuration of the extensions, with the catalogue's abbreviations (Catalogue.abbreviations),
    which the abbr extension explains wherever they appear."""
    return {**EXTENSION_CONFIGS, "abbr": {"glossary": dict(abbreviations)}}


def to_html(text: str, abbreviations: Mapping[str, str] = {}) -> str:   # noqa: B006 - never changed
    """One text as HTML, rendered as the site renders it."""
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=extension_configs(abbreviations))
