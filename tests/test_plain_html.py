"""The fast look in front of the page check: it may only let through what unsafe_html lets through."""

from __future__ import annotations

import random

import pytest
from conftest import ROOT
from markdown import Markdown

from kennisbank import load_catalogue, render_pages
from kennisbank.plain_html import only_plain_markup
from kennisbank.safety import unsafe_html

PLAIN = [
    '<h1 id="netwerk">Netwerk<a class="headerlink" href="#netwerk" title="Link naar dit deel">&para;</a></h1>',
    '<p><a href="../../themas/beleid/">Beleid</a>, <a href="https://voorbeeld.nl/a?b=1&amp;c=2">x</a></p>',
    '<dl><dt>Soort</dt><dd><a href="mailto:info@voorbeeld.nl">mail</a></dd></dl><hr /><br>',
    '<table><thead><tr><th style="text-align: left;">a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    '<p class="kb-afvinken"><input type="checkbox" id="punt-1-nagelopen"> <label for="punt-1-nagelopen">x</label></p>',
    '<p>Laatst gecontroleerd op <time datetime="2026-01-02">2 januari 2026</time>. &lt;script&gt; 3 &lt; 4</p>',
]

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<p onclick='x'>", '<p onclick="x">', '<p ONCLICK="x">',
    '<a href="javascript:alert(1)">', '<a href="JavaScript:alert(1)">', "<a href='javascript:alert(1)'>",
    '<a href="jav&#x61;script:alert(1)">', '<a href=" javascript:alert(1)">', '<a href="java\nscript:x">',
    '<a href="java\\script:x">', "<a href=javascript:alert(1)>", '<a href="data:text/html,x">',
    '<a href="#" href="javascript:x">', '<a title=">" onclick="x">', '<a title="x"onclick="y">',
    '<p style="color: red">', '<p style="text-align: left;" style="background: url(x)">',
    "<iframe src='https://x.nl'>", "<img src='data:image/svg+xml,...'>", '<img src="x" onerror="y">',
    "<!-- --><script>x</script>", "<style>p{}</style>", '<form action="https://x.nl">', "<base href='x'>",
    '<link rel="stylesheet" href="x">', '<meta http-equiv="refresh">', "<object data='x'>", "<embed src='x'>",
    '<svg onload="x">', '<math><mtext><script>x</script>', '<details open ontoggle="x">',
    '<input type="image" formaction="javascript:x">', '<a xlink:href="javascript:x">', '<div data="x">',
]


@pytest.mark.parametrize("html", PLAIN)
def test_what_markdown_writes_is_plain(html):
    assert only_plain_markup(html)
    assert unsafe_html(html) == []


@pytest.mark.parametrize("html", HOSTILE)
def test_anything_unusual_goes_to_the_full_check(html):
    assert not only_plain_markup(html)
    assert not only_plain_markup(PLAIN[0] + html + PLAIN[1])


def test_plain_never_hides_what_the_full_check_finds():
    pieces = PLAIN + HOSTILE + ["<", ">", '"', "'", " ", "=", "a", "p ", "href=", "on", "/", "&", "&#106;",
                                "javascript:", "https://", "\n", "<a ", "<p", "</p>", "<!--", "-->"]
    rng = random.Random(8)
    for _ in range(20000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        if only_plain_markup(html):
            assert unsafe_html(html) == [], html


def test_the_catalogue_pages_are_plain():
    """So the fast path is the one taken: every catalogue page of the real site passes it."""
    from mkdocs.config import load_config
    from mkdocs.utils.meta import get_data

    config = load_config(str(ROOT / "mkdocs.yml"))
    markdown = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    pages = render_pages(load_catalogue(ROOT / "catalogue"))
    entry_pages = [text for path, text in pages.items() if not path.endswith("index.md")]
    assert len(entry_pages) > 50
    for text in entry_pages:
        html = markdown.reset().convert(get_data(text)[0])
        assert only_plain_markup(html), html
