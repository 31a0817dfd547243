"""`make links`: external addresses checked against a local web server (there is no internet here)."""

from __future__ import annotations

import http.server
import os
import socket
import threading

import pytest

from conftest import kennisbank
from kennisbank import load_catalogue
from kennisbank.links import BROKEN, OK, UNREACHABLE, check_urls, external_urls


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """http://127.0.0.1:PORT/ serving ok.html; every other path is a 404."""
    folder = tmp_path_factory.mktemp("www")
    (folder / "ok.html").write_text("<p>in orde</p>")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            lambda *a: _Quiet(*a, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def linked(tiny, server, closed_port):
    organisation = tiny.root / "organisaties" / "jongerenraad-test.yml"
    organisation.write_text(organisation.read_text()
                            .replace("Ze geven advies.", f"Ze geven [advies]({server}/weg.html).")
                            + f"website: {server}/ok.html\n")
    source = tiny.root / "bronnen" / "een-bron.yml"
    source.write_text(source.read_text() + f"url: http://127.0.0.1:{closed_port}/nergens.html\n")
    return tiny


def test_addresses_are_collected_from_url_fields_and_markdown_links(linked, server, closed_port):
    urls = external_urls(load_catalogue(linked.root))
    assert urls == {
        f"{server}/ok.html": [("catalogue/organisaties/jongerenraad-test.yml", "het veld 'website'")],
        f"{server}/weg.html": [("catalogue/organisaties/jongerenraad-test.yml", "het veld 'beschrijving'")],
        f"http://127.0.0.1:{closed_port}/nergens.html": [("catalogue/bronnen/een-bron.yml", "het veld 'url'")],
    }


def test_ok_broken_and_unreachable(server, closed_port):
    results = check_urls([f"{server}/ok.html", f"{server}/weg.html", f"http://127.0.0.1:{closed_port}/"], timeout=5)
    assert [r.state for r in results.values()] == [OK, BROKEN, UNREACHABLE]
    assert results[f"{server}/weg.html"].reason == "de website geeft fout 404 (File not found)"
    assert results[f"http://127.0.0.1:{closed_port}/"].reason == "de website weigert de verbinding"


def run_links(catalogue, *args):
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    return kennisbank("links", "--catalogus", str(catalogue), "--wachttijd", "5", *args, env=env, timeout=60)


def test_report_in_dutch_and_exit_0(linked, server, closed_port):
    result = run_links(linked.root)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "3 webadressen controleren (hoogstens 5 s per adres)..."
    assert (f"KAPOT: {server}/weg.html\n    de website geeft fout 404 (File not found)\n"
            f"    in catalogue/organisaties/jongerenraad-test.yml (het veld 'beschrijving')") in result.stdout
    assert (f"NIET BEREIKBAAR: http://127.0.0.1:{closed_port}/nergens.html\n    de website weigert de verbinding\n"
            f"    in catalogue/bronnen/een-bron.yml (het veld 'url')") in result.stdout
    assert "Klaar: 1 in orde, 1 kapot, 1 niet bereikbaar." in result.stdout
    assert f"{server}/ok.html" not in result.stdout
    assert "Traceback" not in result.stderr


def test_strict_fails_on_broken_links(linked):
    assert run_links(linked.root, "--streng").returncode == 1


def test_without_network_the_report_says_so_and_exits_0(tiny, closed_port):
    source = tiny.root / "bronnen" / "een-bron.yml"
    source.write_text(source.read_text() + f"url: http://127.0.0.1:{closed_port}/\n")
    result = run_links(tiny.root)
    assert result.returncode == 0
    assert "Geen enkel adres was bereikbaar. Is er wel internet? Dat is dan geen fout in de catalogus." \
        in result.stdout
