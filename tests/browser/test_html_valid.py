"""Valid HTML: the W3C Nu Html Checker (vnu-jar from node_modules, on Java) finds no errors on any page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .conftest import ROOT, loud_skip
from .site_pages import PAGE_TYPES

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(pages: list[Path]) -> list[dict]:
    """The checker's errors for these HTML files, in one run of Java (a few seconds per start)."""
    java = shutil.which("java")
    if java is None:
        loud_skip("Java is missing (apt-get install default-jre-headless, as .ci/run does): "
                  "the HTML of the site is not checked with the Nu Html Checker.")
    if not VNU_JAR.exists():
        loud_skip(f"{VNU_JAR.relative_to(ROOT)} is missing: run `npm ci` (make test does) "
                  "to check the HTML of the site with the Nu Html Checker.")
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    # The report goes to stderr; the exit code is 1 whenever there are errors.
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] in ("error", "non-document-error")]


def describe(errors: list[dict], site: Path) -> str:
    lines = []
    for error in errors[:40]:
        page = error.get("url", "").removeprefix("file:").removeprefix(str(site) + "/")
        lines.append(f"- {page}:{error.get('lastLine', '?')}: {error['message']}\n    {error.get('extract', '').strip()}")
    if len(errors) > 40:
        lines.append(f"... and {len(errors) - 40} more")
    return "\n".join(lines)


def test_every_page_is_valid_html(site_dir: Path):
    pages = sorted(site_dir.rglob("*.html"))
    # Every page type is among them (a renamed page must not drop out of the check unnoticed).
    missing = [path for path in PAGE_TYPES.values() if site_dir / path / "index.html" not in pages]
    assert not missing, f"page types not found in the built site: {missing}"
    errors = nu_errors(pages)
    assert not errors, f"{len(errors)} HTML error(s) over {len(pages)} pages:\n{describe(errors, site_dir)}"
