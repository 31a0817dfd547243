"""Privacy: the site loads nothing from other hosts, sets no cookies and has no analytics."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from .site_pages import PAGE_TYPES

ROOT = Path(__file__).resolve().parents[2]
# Tags that make a browser fetch something; links (<a href>) and rel=canonical do not.
FETCHING = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed|object)\b[^>]*\s(?:src|data)=["']?(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\srel=["']?(?:stylesheet|preconnect|preload|prefetch|dns-prefetch|icon|modulepreload|manifest))"""
    r"""[^>]*\shref=["']?(?:https?:)?//""",
    re.IGNORECASE)
ANALYTICS = re.compile(r"googletagmanager|google-analytics|gtag\(|plausible|matomo|piwik|umami|hotjar",
                       re.IGNORECASE)


def test_no_page_requests_another_host_and_no_cookies(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    missing = []
    for name, path in PAGE_TYPES.items():
        response = page.goto(site_url + path)
        if response.status != 200:
            missing.append(name)
        page.wait_for_load_state("networkidle")
    # Search loads its worker and index only when used.
    page.goto(site_url)
    page.click("input.md-search__input")
    page.keyboard.type("jongeren")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_load_state("networkidle")
    cookies = context.cookies()
    context.close()

    elsewhere = sorted({url for url in requested
                        if not url.startswith((site_url, "data:", "blob:"))})
    assert elsewhere == [], "verzoeken naar een andere host:\n" + "\n".join(elsewhere)
    assert any(url.endswith("search_index.json") for url in requested), "zoeken is niet getest"
    assert cookies == []
    assert missing == [], f"deze paginasoorten bestaan (nog) niet: {missing}"


def test_no_html_or_css_file_fetches_from_another_host(site_dir):
    offenders = []
    for html in sorted(site_dir.rglob("*.html")):
        for match in FETCHING.finditer(html.read_text(encoding="utf-8")):
            offenders.append(f"{html.relative_to(site_dir)}: {match.group(0)[:120]}")
    for css in sorted(site_dir.rglob("*.css")):
        for match in re.finditer(r"(?:url\(|@import)\s*[\"']?(?:https?:)?//[^)\"'\s]*", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site_dir)}: {match.group(0)[:120]}")
    assert offenders == []


def test_no_analytics(site_dir):
    config = yaml_load((ROOT / "mkdocs.yml").open("rb"))
    assert "analytics" not in (config.get("extra") or {})
    assert "consent" not in (config.get("extra") or {})
    found = [str(html.relative_to(site_dir)) for html in site_dir.rglob("*.html")
             if ANALYTICS.search(html.read_text(encoding="utf-8"))]
    assert found == []
