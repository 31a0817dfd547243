"""kennisbank offline: build the offline version of the site and pack it into one zip file.

A trainer unzips it and opens index.html straight from the folder (file://), without
internet or a web server. Material's offline plugin makes links end in .html and puts
the search index in a script; mkdocs.offline.yml adds the iframe-worker shim from our
repository.

    kennisbank offline site-offline.zip

The zip is written to a temporary name first, so a failed build never leaves a
half-written zip behind.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CONFIG = Path("mkdocs.offline.yml")
# Everything sits in one folder inside the zip, so unzipping gives one folder, not 20 files.
FOLDER = "kennisbank-ervaringsdeskundigheid-jeugd"
# A fixed timestamp makes the zip the same for the same site.
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("offline", help="maak de offline versie van de site (een zip-bestand)",
                                 description="Bouw de site voor gebruik zonder internet en pak hem in één "
                                             "zip-bestand in.")
    parser.add_argument("zip", type=Path, metavar="UIT.zip", help="het zip-bestand om te maken")
    parser.set_defaults(run=run)


def write_zip(site_dir: Path, zip_path: Path) -> None:
    """Pack site_dir into zip_path under FOLDER/, in a stable order."""
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def run(args: argparse.Namespace) -> int:
    zip_path = args.zip.resolve()
    with tempfile.TemporaryDirectory(prefix=".site-build-offline-", dir=zip_path.parent) as tmp:
        site_dir = Path(tmp) / "site"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", str(CONFIG),
             "--site-dir", str(site_dir)],
            env=dict(os.environ, KENNISBANK_OFFLINE="true", NO_MKDOCS_2_WARNING="1"))
        if result.returncode:
            print("De offline versie is niet gebouwd; zie de melding hierboven.", file=sys.stderr)
            return 1
        partial = Path(tmp) / zip_path.name
        write_zip(site_dir, partial)
        os.replace(partial, zip_path)
    return 0
