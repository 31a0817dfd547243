"""The Content-Security-Policy: every page has one, the site's own scripts run under it
(search included) and chromium reports no violation; an injected inline script is blocked."""

from __future__ import annotations

import re

import pytest

from kennisbank.csp import TOKEN, script_hashes

from .polling import wait_until
from .site_pages import PAGE_TYPES

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

WATCH_VIOLATIONS = """
    window.__kb_csp = [];
    document.addEventListener('securitypolicyviolation',
        e => window.__kb_csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def test_every_page_has_the_policy_with_its_own_script_hashes(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policies = POLICY.findall(html)
        assert len(policies) == 1, page
        policy = policies[0]
        assert TOKEN not in policy, page
        if "<script" not in html:   # the page at a moved entry's old address: it loads nothing at all
            assert policy.startswith("default-src 'none'"), page
            continue
        assert "script-src 'self' 'sha256-" in policy and "'unsafe-inline'" not in policy.split("style-src")[0], page
        assert "object-src 'none'" in policy
        for source in script_hashes(html):
            assert source in policy, (page, source)
        # The policy comes before the first script, so it covers all of them.
        assert html.index("Content-Security-Policy") < html.index("<script"), page


@pytest.fixture
def watched(page):
    page.add_init_script(WATCH_VIOLATIONS)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    return page, messages


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_violations_on_any_page_type(watched, site_url, name):
    page, messages = watched
    page.goto(site_url + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__kb_csp") == []
    assert messages == []
    # Material's own script ran: it swaps the "no-js" class on <html> for "js".
    assert "no-js" not in (page.get_attribute("html", "class") or "")


def test_search_works_under_the_policy(watched, site_url):
    page, messages = watched
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("jongeren")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.locator(".md-search-result__item").count() > 0
    assert page.evaluate("window.__kb_csp") == []
    assert messages == []


def test_an_injected_inline_script_is_blocked(watched, site_url):
    page, _ = watched
    page.goto(site_url)
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.__kb_ingespoten = 1';
                             document.body.append(s); }""")
    page.evaluate("""() => { const i = document.createElement('img');
                             i.setAttribute('onerror', 'window.__kb_ingespoten = 2'); i.src = 'bestaat-niet.png';
                             document.body.append(i); }""")
    wait_until(page, "window.__kb_csp.length >= 2")
    assert page.evaluate("window.__kb_ingespoten") is None
    assert any(v.startswith("script-src") for v in page.evaluate("window.__kb_csp"))
