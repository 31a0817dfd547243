"""Check the web addresses in the catalogue: which answer, which give an error, which can't be reached.

Collects every address in the fields the schema calls a web address and in Markdown
links in any text, and asks each once (in parallel, with a short timeout)::

    urls = external_urls(catalogue)             # {"https://www.nji.nl": [("catalogue/...yml", "website")], ...}
    results = check_urls(urls, timeout=5)       # {"https://www.nji.nl": LinkResult("in orde", 200, ""), ...}

A missing network makes every address "niet bereikbaar"; that is reported, never
treated as a mistake in the catalogue.
"""

from __future__ import annotations

import re
import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from kennisbank.model import Catalogue
from kennisbank.problems import field_words
from kennisbank.safety import link_targets
from kennisbank.yamlfile import strings

OK, BROKEN, UNREACHABLE = "in orde", "kapot", "niet bereikbaar"
_URL = re.compile(r"https?://[^\s<>()\"']+", re.IGNORECASE)
_HEADERS = {"User-Agent": "kennisbank-linkcontrole/1.0 (+https://github.com/kennisbank-ej/kennisbank)"}


@dataclass(frozen=True)
class LinkResult:
    state: str          # OK, BROKEN or UNREACHABLE
    status: int | None  # the HTTP status, when there was an answer
    reason: str         # why it failed, in words the report can show


def external_urls(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """Every http(s) address in the catalogue, with the (file, field in words) where it occurs."""
    found: dict[str, list[tuple[str, str]]] = {}
    for entry in catalogue.entries:
        url_fields = {field.name for field in catalogue.schema.fields[entry.kind.folder] if field.type == "url"}
        for path, text in strings(entry.fields):
            name = field_words(path)
            candidates = [text] if path and path[0] in url_fields else \
                [target.lstrip(" <") for target in link_targets(text)]
            for candidate in candidates:
                if match := _URL.match(candidate):
                    url = match.group(0).rstrip(".,;:")
                    if (entry.file, name) not in found.setdefault(url, []):
                        found[url].append((entry.file, name))
    return found


def check_url(url: str, timeout: float) -> LinkResult:
    """HEAD first (cheap); GET when a server refuses HEAD."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=_HEADERS)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return LinkResult(OK, response.status, "")
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return LinkResult(BROKEN, error.code, f"de website geeft fout {error.code} ({error.reason})")
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as error:
            return LinkResult(UNREACHABLE, None, _why(getattr(error, "reason", error), timeout))
    return LinkResult(BROKEN, None, "de website weigert de controle")


def check_urls(urls: list[str] | dict[str, object], timeout: float = 5, workers: int = 16) -> dict[str, LinkResult]:
    urls = list(urls)
    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=min(workers, len(urls))) as pool:
        return dict(zip(urls, pool.map(lambda url: check_url(url, timeout), urls)))


def _why(reason: object, timeout: float) -> str:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"geen antwoord binnen {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "de naam van de website is niet gevonden (bestaat het adres nog, of is er geen internet?)"
    if isinstance(reason, ConnectionRefusedError):
        return "de website weigert de verbinding"
    if isinstance(reason, ssl.SSLError):
        return "het beveiligingscertificaat van de website klopt niet"
    return f"geen verbinding ({reason})"
