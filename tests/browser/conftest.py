"""Browser fixtures: the real site, built once, served on 127.0.0.1, seen by headless chromium.

Reuse these in any browser test under tests/browser/:

    def test_something(page, site_url):          # a fresh chromium tab, 1280 x 900
        page.goto(site_url + "organisaties/")

    real_build   the real site/ and site-offline.zip, built once per run (tests/conftest.py)
    site_dir     that site/ folder
    site_url     "http://127.0.0.1:PORT/" serving site_dir (python -m http.server)
    browser      Playwright chromium (Debian's /usr/bin/chromium, no download)
    page         a new page in a new context (no cookies carried over); closed afterwards
    axe          axe(page) -> list of WCAG 2.1 A/AA violations (axe-core from node_modules);
                 axe.describe(violations) -> readable text for an assertion message

The page types every browser test should cover are in site_pages.PAGE_TYPES.

Without chromium or the playwright package the browser tests skip with a loud reason
(see the summary at the end of the pytest run); without node_modules only the axe tests skip.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .polling import wait_until

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KENNISBANK_CHROMIUM", "/usr/bin/chromium"))
# From ../shared/TOOLCHAIN.md: these work headless as root without a GPU or network.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_SKIPPED: list[str] = []


def loud_skip(reason: str) -> None:
    """Skip, and remember the reason for the banner at the end of the run."""
    if reason not in _SKIPPED:
        _SKIPPED.append(reason)
    pytest.skip(reason)


def pytest_terminal_summary(terminalreporter) -> None:
    for reason in _SKIPPED:
        terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED", red=True, bold=True)
        terminalreporter.write_line(reason, red=True, bold=True)


@pytest.fixture(scope="session")
def site_dir(real_build) -> Path:
    return real_build.site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
        cwd=site_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"the test web server on {url} did not start", pytrace=False)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        loud_skip(f"No chromium at {CHROMIUM}: install it (apt-get install chromium, as .ci/run "
                  "does) to run the accessibility, privacy and offline tests.")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        loud_skip("The playwright package is missing from .venv: run `make test` "
                  "(it installs requirements.txt) to run the browser tests.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    """axe(page) -> the WCAG 2.1 A and AA violations axe-core finds on the page as it is now."""
    if not AXE_JS.exists():
        loud_skip(f"{AXE_JS.relative_to(ROOT)} is missing: run `npm ci` (make test does) "
                  "to run the accessibility tests.")

    source = AXE_JS.read_text(encoding="utf-8")

    def run(page) -> list[dict]:
        # Judge what a reader sees once the page has settled: Material fades the search results
        # in over 0.4 s, and axe run during the fade blends the text with the background (a
        # contrast of 4.1:1 instead of 4.6:1 wherever results arrived within the fade).
        # Only animations in time count: a scroll-driven one (the scroll hint of wide tables) runs for
        # as long as the page is open.
        wait_until(page, "() => document.getAnimations().every(a => a.playState !== 'running'"
                         " || !(a.timeline instanceof DocumentTimeline))")
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol, so the site's Content-Security-Policy
            # (which rightly refuses injected <script> tags) stays on during the test.
            page.evaluate(source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        return result["violations"]

    run.describe = describe_violations
    return run


def describe_violations(violations: list[dict]) -> str:
    """Readable summary of axe violations for an assertion message."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)
