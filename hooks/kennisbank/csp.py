"""Fill in a rendered page's Content-Security-Policy with the hashes of its own inline scripts.

The policy is written in hooks/theme/main.html; its script-src holds the token
'kb-inline-scripts'. This module replaces the token with one 'sha256-…' source per
inline <script> on that page, so Material's small inline scripts run and nothing
else inline does::

    html = with_script_hashes(html)
    # ... script-src 'self' 'sha256-mjc6g…' 'sha256-Qk1x…'; ...

The offline copy (site-offline.zip, opened from file://) runs search through the
iframe-worker shim, which writes an inline script into an iframe at run time; a
hash can't be known in advance, so there the token becomes 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib
import re

TOKEN = "'kb-inline-scripts'"
# The body is everything up to the first </script>, written out as "no '<', or a '<' that does
# not start </script>" rather than a lazy (.*?): the same match, at half the cost (every page).
_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>([^<]*(?:<(?!/script\s*>)[^<]*)*)</script\s*>",
                            re.IGNORECASE)


def script_hashes(html: str) -> list[str]:
    """CSP sources for the inline scripts in `html`: the hash of the exact text between the tags."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if (source := f"'sha256-{digest}'") not in hashes:
            hashes.append(source)
    return hashes


def with_script_hashes(html: str, offline: bool = False) -> str:
    if TOKEN not in html:
        return html
    sources = "'unsafe-inline'" if offline else " ".join(script_hashes(html))
    return html.replace(f" {TOKEN}" if not sources else TOKEN, sources, 1)
