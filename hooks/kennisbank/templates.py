"""The one Jinja setup for every generated text, and the filters the templates share.

Pages and CONTRIBUTING.md are Markdown (text is escaped with the `md` filter where it
could be read as markup); the contributor forms are HTML inside Markdown, so they
escape for HTML::

    environment().get_template("entry.md.j2")
    environment(html=True).get_template("bijdragen.md.j2")
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parent / "templates"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def environment(*, html: bool = False) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=html, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(date_nl=date_nl, md=md_escape, summary=summary)
    env.globals.update(front_matter=front_matter)
    return env


def date_nl(value: dt.date | str) -> str:
    """2026-11-03 -> '3 november 2026'."""
    date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


_MD_ESCAPED = str.maketrans({char: "\\" + char for char in "\\`*_[]<>|#"})


def md_escape(text: object) -> str:
    """Escape text for use inside a Markdown link or table cell: a backslash before each special character."""
    return str(text).translate(_MD_ESCAPED)


def front_matter(**meta: object) -> str:
    """YAML front matter; JSON strings are valid YAML, so every value is quoted safely."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items() if value]
    return "---\n" + "\n".join(lines) + "\n---\n"


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def summary(text: str, limit: int = 160) -> str:
    """First sentence of a Markdown text, without markup, for descriptions and cards."""
    plain = _LINK.sub(r"\1", text)
    plain = _MARKUP.sub("", plain).strip().replace("\n", " ")
    sentence = _SENTENCE_END.split(plain, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
