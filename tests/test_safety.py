"""No script gets in: raw HTML and script links are refused, and what passes is rendered inert."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import REAL_CATALOGUE, project_copy
from kennisbank import CatalogueError, load_catalogue
from kennisbank.kinds import KINDS
from kennisbank.safety import MAX_TEXT, link_scheme, unsafe_html, unsafe_text, untrusted_html
from kennisbank.yamlfile import read_yaml, strings

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KENNISBANK_PDF": "0"}   # no PDFs: not what is tested


@pytest.mark.parametrize("text, code, snippet", [
    ("<script>alert(1)</script>", "html", "<script>"),
    ("Zie <iframe src='https://x.nl'></iframe>", "html", "<iframe src='https://x.nl'>"),
    ("<style>body { display: none }</style>", "html", "<style>"),
    ("<img src=x onerror=alert(1)>", "html", "<img src=x onerror=alert(1)>"),
    ("<a href='https://x.nl' onclick='alert(1)'>x</a>", "html", None),
    ("</p><p>", "html", "</p>"),
    ("<!-- verborgen -->", "html", "<!-- verborgen -->"),
    ("x<b>vet</b>", "html", "<b>"),
    ("[klik](javascript:alert(1))", "verboden-link", "javascript:alert(1))"),
    ("[klik]( JaVaScRiPt:alert(1))", "verboden-link", None),
    ("[klik](java\tscript:alert(1))", "verboden-link", None),
    ("[klik](jav&#x61;script:alert(1))", "verboden-link", None),
    ("[klik](&#106;avascript:alert(1))", "verboden-link", None),
    ("[klik](javascript&colon;alert(1))", "verboden-link", None),
    ("[klik](<javascript:alert(1)>)", "verboden-link", None),
    ("[klik][1]\n\n[1]: javascript:alert(1)", "verboden-link", None),
    ("<javascript:alert(1)>", "verboden-link", None),
    ("[klik](data:text/html;base64,PHNjcmlwdD4=)", "verboden-link", None),
    ("[klik](vbscript:msgbox(1))", "verboden-link", None),
    ("[klik](file:///etc/passwd)", "verboden-link", None),
    ("![logo](https://volger.example/pixel.gif)", "afbeelding", None),
    ("Tekst\n{: onclick=\"alert(1)\" }", "accolades", "{: onclick=\"alert(1)\" }"),
    ("[x](https://x.nl){ onmouseover=alert(1) }", "accolades", None),
    ("# Kop {#eigen-anker}", "accolades", None),
    ("[" * 201, "te-veel-haakjes", None),
    ("a" * (MAX_TEXT + 1), "te-veel-tekst", None),
])
def test_refused(text, code, snippet):
    found = dict(unsafe_text(text))
    assert code in found, found
    if snippet is not None:
        assert found[code]["snippet"] == snippet


def test_the_scheme_of_a_refused_link_is_named():
    for text, scheme in (("[klik](jav&#x61;script:alert(1))", "javascript"), ("[x](data:text/html,y)", "data"),
                         ("[x](vbscript:y)", "vbscript"), ("[x](file:///etc/passwd)", "file")):
        assert dict(unsafe_text(text))["verboden-link"]["scheme"] == scheme


@pytest.mark.parametrize("text", [
    "Voor jongeren < 18 jaar en kinderen <12 jaar.",
    "3 < 4 en 5 > 4",
    "Zie <https://www.nji.nl> of mail <info@voorbeeld.nl>.",
    "[Nederlands Jeugdinstituut](https://www.nji.nl) en [mail](mailto:info@voorbeeld.nl)",
    "[verderop](#aanpak) en [organisaties](../organisaties/index.md)",
    "Data: 2020 tot 2024. JavaScript: een programmeertaal.",
    "&lt;script&gt; is hier gewone tekst",
    "Ouders & jongeren, **samen** en _apart_; `code`.",
    "Een {accolade} in een zin",
    "[" * 200,
    "a" * MAX_TEXT,
])
def test_allowed(text):
    assert unsafe_text(text) == []


def test_problem_names_code_file_line_and_field(tiny):
    tiny.edit("organisaties/jongerenraad-test.yml", "Een raad van jongeren.", "Een raad <script>alert(1)</script>.")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root)
    [problem] = caught.value.problems
    assert (problem.code, problem.file, problem.line, problem.path) == (
        "html", "catalogue/organisaties/jongerenraad-test.yml", 4, ("beschrijving",))
    assert "('<script>')" in problem.message


@pytest.mark.parametrize("kind", [kind.folder for kind in KINDS])
def test_every_string_field_of_every_kind_is_checked(tmp_path, kind):
    """Each text of a real entry, made hostile, gives one problem naming that very field."""
    catalogue = tmp_path / "catalogue"
    shutil.copytree(REAL_CATALOGUE, catalogue)
    path = sorted((catalogue / kind).glob("*.yml"))[0]
    data, _, _ = read_yaml(path, path.name)
    fields = {at for at, _ in strings(data)}
    path.write_text(yaml.safe_dump(hostile(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(catalogue)
    flagged = {p.path for p in caught.value.problems
               if p.file.endswith(path.name) and p.code == "html" and "('<iframe>')" in p.message}
    assert len(fields) > 3
    assert flagged == fields


def hostile(value):
    if isinstance(value, str):
        return value + " <iframe>"
    if isinstance(value, dict):
        return {key: hostile(item) for key, item in value.items()}
    if isinstance(value, list):
        return [hostile(item) for item in value]
    return value


# --- what passes the validator is rendered inert --------------------------------------------

HOSTILE_ENTRY = r"""
naam: "Vijandig &lt;img src=x onerror=alert('t1')&gt; \" onload=\"alert('t2')"
afkorting: "V&lt;b&gt;"
soort: jongerenorganisatie
beschrijving: |
  Tekst met &lt;script&gt;alert('b1')&lt;/script&gt; en &#60;script&#62;alert('b2')&#60;/script&#62;.
  Ook < script>alert('b3')< /script> en javascript:alert('b4') als gewone tekst.
  [klik](https://voorbeeld.nl "titel" onmouseover="alert('b5')") en
  <https://voorbeeld.nl/"onmouseover="alert('b6')> en [ref][r] en {{ config.site_name }} {% raw %}.

  [r]: https://voorbeeld.nl/"onclick="alert('b7')
themas:
  - jongerenparticipatie
bronnen:
  - njr-hoofdzaken
laatst_gecontroleerd: 2026-11-01
"""

# Markup that would run script, in any page of the built site.
LITERAL = re.compile(r"<script>alert|<img src=x", re.IGNORECASE)


class Attributes(HTMLParser):
    """Every event-handler attribute and every link that is not http(s), mailto or relative."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and link_scheme(value or "") not in (None, "http", "https", "mailto"):
                self.found.append(f"<{tag} {name}={value}>")


def dangerous(html: str) -> list[str]:
    parser = Attributes()
    parser.feed(html)
    return parser.found + [m.group(0) for m in LITERAL.finditer(html)]


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                          cwd=project, env=ENV, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = project_copy(tmp_path_factory.mktemp("vijandig") / "project")
    (project / "catalogue" / "organisaties" / "vijandig.yml").write_text(HOSTILE_ENTRY.lstrip(), encoding="utf-8")
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.slow
def test_hostile_entry_passes_the_validator_and_is_built(hostile_site):
    assert (hostile_site / "organisaties" / "vijandig" / "index.html").is_file()


@pytest.mark.slow
def test_no_page_of_the_built_site_carries_the_hostile_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    found = [f"{page.relative_to(hostile_site)}: {item}" for page in pages
             for item in dangerous(page.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.slow
def test_hostile_text_is_shown_as_text(hostile_site):
    html = (hostile_site / "organisaties" / "vijandig" / "index.html").read_text(encoding="utf-8")
    content = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    assert unsafe_html(content) == []
    assert "&lt;script&gt;alert('b1')&lt;/script&gt;" in content
    assert "&lt; script&gt;alert('b3')" in content
    assert 'href="https://voorbeeld.nl/&quot;onmouseover=&quot;alert(\'b6\')"' in content


# --- and if a check ever misses something, the build stops -----------------------------------

@pytest.mark.parametrize("html, expected", [
    ("<p>gewoon</p><a href='https://x.nl' title='t'>x</a><table><td style='text-align: right;'>1</td></table>", []),
    ("<script>alert(1)</script>", ["<script>"]),
    ("<p onclick='x'>", ["<p onclick=...>"]),
    ("<a href='jav&#x61;script:alert(1)'>", ['<a href="javascript:...">']),
    ("<iframe src='https://x.nl'>", ["<iframe>"]),
    ("<p style='background: url(https://volger.example/)'>", ["<p style=...>"]),
    ("<img src='data:image/svg+xml,...'>", ['<img src="data:...">']),
])
def test_unsafe_html(html, expected):
    assert unsafe_html(html) == expected


@pytest.mark.parametrize("html", [
    "<a title='x>y' onmouseover=1>", "<a b\" onclick=alert(1)>", "<a title=\"x\"onclick =1>", "<p/onclick=1>",
    "<a title=\"src=\" href=\"javascript:1\">", "<a href=java&#x73;cript:x>", "<A HREF=' JavaScript:1'>",
    "<a xlink:href=\"javascript:1\">", "<SCRIPT>", "<svg><style>x</style></svg>", "<p style=\"color: red\">",
    "<p title='on' style='text-align: left;' style='x'>", "<img srcset='data:x 1x'>", "<iframe src='https://x.nl'>",
])
def test_the_quick_look_passes_nothing_the_parser_refuses(html):
    from kennisbank.safety import _HTMLCheck, _suspect
    parser = _HTMLCheck()
    parser.feed(html)
    parser.close()
    assert parser.found and _suspect(html)


def test_the_quick_look_parses_no_ordinary_page():
    """Else the check is as slow as before (a quarter of the hooks' time at 1,000 entries)."""
    from kennisbank.safety import _suspect
    page = ('<h2 id="ontwikkelagenda">Ontwikkelagenda</h2><p><a href="../njr/" title="online">NJR</a> '
            '<a href="https://www.njr.nl/">site</a> <a href="mailto:info@njr.nl">mail</a></p>'
            '<table><tr><th style="text-align: left;">Naam</th></tr></table><img src="../logo.svg" alt="">')
    assert not _suspect(page)


def test_a_page_may_hold_only_the_markup_its_template_writes():
    page = "<form><script type='application/json'>{}</script><script src='x.js'></script></form>"
    assert untrusted_html(page, ("<form>", "<script>", "<script>")) == []
    assert untrusted_html(page + "<script>alert(1)</script>", ("<form>", "<script>", "<script>")) == ["<script>"]
    assert untrusted_html(page, ("<form>",)) == ["<script>", "<script>"]


@pytest.mark.slow
def test_a_page_that_slips_past_the_validator_stops_the_build(tmp_path):
    project = project_copy(tmp_path / "project")
    safety = project / "hooks" / "kennisbank" / "safety.py"
    # Switch the text check off in the copy, as if it had a hole.
    switched_off = safety.read_text().replace('    """What is wrong with one text: (code, facts) pairs for '
                                              'kennisbank.messages."""\n',
                                              '    """Switched off for this test."""\n    return []\n')
    assert "Switched off" in switched_off
    safety.write_text(switched_off)
    entry = project / "catalogue" / "organisaties" / "expex.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("beschrijving: ", "beschrijving: <script>x</script> ", 1),
                     encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert ("De pagina organisaties/expex.md bevat na het omzetten onveilige HTML (<script>). De site is niet "
            "gebouwd.") in result.stderr
    assert "Traceback" not in result.stderr


def test_every_generated_page_is_checked_after_markdown(tmp_path, monkeypatch):
    """The hook checks every page the catalogue adds (entries, explorer, forms, ...), each against
    only the markup its own template writes."""
    from types import SimpleNamespace

    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from mkdocs.structure.files import Files

    from conftest import ROOT
    monkeypatch.setenv("KENNISBANK_PDF", "0")   # empty PDFs: they are not pages
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    hooks = config.hooks["hooks/kennisbank_hooks.py"]
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(Files([]), config=config)
    pages = [file for file in files if file.src_uri.endswith(".md")]
    assert {"verkennen/index.md", "bijdragen/index.md", "statistieken/index.md", "handboek/index.md",
            "organisaties/expex.md"} <= {file.src_uri for file in pages}
    for file in pages:
        page = SimpleNamespace(file=file)
        own = "".join(f"{tag}</{tag[1:]}" for tag in hooks._state.build.trusted[file.src_uri])
        assert hooks.on_page_content(f"<p>tekst</p>{own}", page=page, config=config, files=files)
        with pytest.raises(Abort, match=f"De pagina {file.src_uri} bevat na het omzetten onveilige HTML"):
            hooks.on_page_content(f"<p>tekst</p>{own}<script>alert(1)</script>", page=page, config=config,
                                  files=files)
