"""The script hashes of the Content-Security-Policy (kennisbank.csp), without a browser.

tests/browser/test_csp.py checks the built pages in Chromium; these pin down which text is hashed.
"""

from __future__ import annotations

import base64
import hashlib

import pytest

from kennisbank.csp import TOKEN, script_hashes, with_script_hashes


def source(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode('ascii')}'"


@pytest.mark.parametrize("html, bodies", [
    ("<script>a()</script>", ["a()"]),
    ("<script>\nif (a < b && c) {}\n</script><p>x</p><SCRIPT type='x'>é</Script >", ["\nif (a < b && c) {}\n", "é"]),
    ('<script src="x.js"></script><script id="__config" type="application/json">{"a":"</p>"}</script>',
     ['{"a":"</p>"}']),
    ("<script>x</scrip></script>", ["x</scrip>"]),
    ("<script>a</script><script>a</script>", ["a"]),   # each hash once
    ("<script>never closed", []),
    ("<scripts>no</scripts>", []),
])
def test_script_hashes_hash_the_text_between_the_tags(html, bodies):
    assert script_hashes(html) == [source(body) for body in bodies]


def test_the_token_becomes_the_hashes():
    html = f'<meta content="script-src \'self\' {TOKEN}"><script>a()</script>'
    assert with_script_hashes(html) == f'<meta content="script-src \'self\' {source("a()")}"><script>a()</script>'
    assert with_script_hashes(html, offline=True).startswith("<meta content=\"script-src 'self' 'unsafe-inline'\">")
