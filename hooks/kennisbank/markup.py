"""The project's one Markdown configuration: the site (set by the MkDocs hook) and the handbook use it.

    to_html("Zie **dit** en [de site](https://voorbeeld.nl).")   # '<p>Zie <strong>dit</strong> en <a ...'
    to_tree("Zie **dit**.")   # [{"t": "p", "c": ["Zie ", {"t": "b", "c": ["dit"]}, "."]}]

The handbook does not parse Markdown again: to_tree turns the HTML of to_html into a small
tree of plain data (paragraphs, headings, lists, emphasis, links, tables, boxes), which
reaches Typst as JSON, so no text is ever read as Typst markup. Catalogue text is Markdown
without raw HTML (kennisbank.safety refuses it at load time).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from typing import Any

import markdown

# MkDocs always adds toc, tables and fenced_code; the rest is ours.
EXTENSIONS = ["toc", "tables", "fenced_code", "abbr", "admonition", "attr_list", "def_list", "md_in_html",
              "pymdownx.details", "pymdownx.tasklist"]
EXTENSION_CONFIGS = {
    "toc": {"permalink": True, "permalink_title": "Link naar dit deel"},
    "pymdownx.tasklist": {"custom_checkbox": True},
}

Node = Any   # a string, or a dict with "t" (its type) and its parts: see to_tree


def extension_configs(abbreviations: Mapping[str, str]) -> dict[str, dict]:
    """The configuration of the extensions, with the catalogue's abbreviations (Catalogue.abbreviations),
    which the abbr extension explains wherever they appear."""
    return {**EXTENSION_CONFIGS, "abbr": {"glossary": dict(abbreviations)}}


class Converter:
    """Markdown to HTML or to a tree, many texts with one set of extensions (made once: slow to make)."""

    def __init__(self, abbreviations: Mapping[str, str] = {}):   # noqa: B006 - never changed
        self.markdown = markdown.Markdown(extensions=EXTENSIONS, extension_configs=extension_configs(abbreviations))

    def html(self, text: str) -> str:
        """One text as HTML, rendered as the site renders it."""
        return self.markdown.reset().convert(text)

    def tree(self, text: str, link: Callable[[str], dict] | None = None) -> list[Node]:
        """A Markdown text as a list of block nodes, for the handbook.

        Blocks: p, h (level, id), ul / ol (items: lists of blocks), quote, box (kind, title), table
        (rows of cells, head), dl (term, desc), pre (text), hr. Inline: strings, b, i, code (text),
        link (what `link(href)` returns for the address: {"url": ...} or {"label": ...}), br.
        """
        parser = _Tree()
        parser.feed(self.html(text))
        parser.close()
        return _blocks(parser.root["children"], link or (lambda href: {"url": href}))


def to_html(text: str) -> str:
    return Converter().html(text)


def to_tree(text: str, link: Callable[[str], dict] | None = None) -> list[Node]:
    return Converter().tree(text, link)


class _Tree(HTMLParser):
    """HTML as nested {"tag", "attrs", "children"} dicts; text as strings."""

    VOID = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict = {"tag": "", "attrs": {}, "children": []}
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, "attrs": {k: v or "" for k, v in attrs}, "children": []}
        self.stack[-1]["children"].append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth]["tag"] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1]["children"].append(data)


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "div", "details", "table", "dl",
           "pre", "hr"}
_SPACE = re.compile(r"[ \t\r\n]+")
_INLINE = {"strong": "b", "b": "b", "em": "i", "i": "i", "mark": "b", "del": "i"}


def _blocks(children: list, link: Callable[[str], dict]) -> list[Node]:
    blocks: list[Node] = []
    loose: list[Node] = []   # inline content between blocks (a tight list item's text)
    for child in children:
        if isinstance(child, dict) and child["tag"] in _BLOCKS:
            if any(isinstance(n, dict) or n.strip() for n in loose):
                blocks.append({"t": "p", "c": _strip(loose)})
            loose = []
            if (block := _block(child, link)) is not None:
                blocks.append(block)
        else:
            loose += _inline([child], link)
    if any(isinstance(n, dict) or n.strip() for n in loose):
        blocks.append({"t": "p", "c": _strip(loose)})
    return blocks


def _block(element: dict, link: Callable[[str], dict]) -> Node | None:
    tag, attrs, children = element["tag"], element["attrs"], element["children"]
    if tag == "p":
        return {"t": "p", "c": _strip(_inline(children, link))}
    if tag[0] == "h" and tag[1:].isdigit():
        return {"t": "h", "level": int(tag[1:]), "id": attrs.get("id", ""), "c": _strip(_inline(children, link))}
    if tag in ("ul", "ol"):
        items = [_blocks(li["children"], link) for li in children if isinstance(li, dict) and li["tag"] == "li"]
        return {"t": tag, "items": items, **({"start": int(attrs.get("start") or 1)} if tag == "ol" else {})}
    if tag == "blockquote":
        return {"t": "quote", "c": _blocks(children, link)}
    if tag in ("div", "details") and ("admonition" in attrs.get("class", "") or tag == "details"):
        title = next((c for c in children if isinstance(c, dict) and c["tag"] in ("p", "summary")
                      and ("admonition-title" in c["attrs"].get("class", "") or c["tag"] == "summary")), None)
        rest = [c for c in children if c is not title]
        kind = next((word for word in attrs.get("class", "").split() if word != "admonition"), "note")
        return {"t": "box", "kind": kind, "title": _text(title["children"]) if title else "",
                "c": _blocks(rest, link)}
    if tag == "div":
        return {"t": "group", "c": _blocks(children, link)}
    if tag == "table":
        rows = [row for part in children if isinstance(part, dict) for row in
                ([part] if part["tag"] == "tr" else part["children"]) if isinstance(row, dict) and row["tag"] == "tr"]
        return {"t": "table", "rows": [{"head": any(c["tag"] == "th" for c in cells),
                                        "cells": [_strip(_inline(c["children"], link)) for c in cells]}
                                       for row in rows if (cells := [c for c in row["children"] if isinstance(c, dict)])]}
    if tag == "dl":
        items, term = [], None
        for child in children:
            if isinstance(child, dict) and child["tag"] == "dt":
                term = _strip(_inline(child["children"], link))
            elif isinstance(child, dict) and child["tag"] == "dd":
                items.append({"term": term or [], "desc": _blocks(child["children"], link)})
        return {"t": "dl", "items": items}
    if tag == "pre":
        return {"t": "pre", "text": _text(children)}
    if tag == "hr":
        return {"t": "hr"}
    return None


def _inline(children: list, link: Callable[[str], dict]) -> list[Node]:
    found: list[Node] = []
    for child in children:
        if isinstance(child, str):
            found.append(_SPACE.sub(" ", child))   # as in HTML; a no-break space stays
            continue
        tag, attrs = child["tag"], child["attrs"]
        if tag == "a" and "headerlink" in attrs.get("class", ""):
            continue   # the permalink sign after a heading
        if tag == "a":
            found.append({"t": "link", **link(attrs.get("href", "")), "c": _inline(child["children"], link)})
        elif tag in _INLINE:
            found.append({"t": _INLINE[tag], "c": _inline(child["children"], link)})
        elif tag == "code":
            found.append({"t": "code", "text": _text(child["children"])})
        elif tag == "br":
            found.append({"t": "br"})
        elif tag == "input" and attrs.get("type") == "checkbox":
            found.append("☐ ")
        elif tag == "img":
            continue
        else:   # abbr, span, label, sup, sub: their text
            found += _inline(child["children"], link)
    return found


def _text(children: list) -> str:
    return "".join(child if isinstance(child, str) else _text(child["children"]) for child in children)


def _strip(nodes: list[Node]) -> list[Node]:
    """Inline nodes without the whitespace Markdown leaves at the start and end."""
    nodes = list(nodes)
    while nodes and isinstance(nodes[0], str) and not nodes[0].strip():
        nodes.pop(0)
    while nodes and isinstance(nodes[-1], str) and not nodes[-1].strip():
        nodes.pop()
    if nodes and isinstance(nodes[0], str):
        nodes[0] = nodes[0].lstrip()
    if nodes and isinstance(nodes[-1], str):
        nodes[-1] = nodes[-1].rstrip()
    return nodes
