"""Build the offline version of the site and pack it into one zip file.

A trainer unzips it and opens index.html straight from the folder (file://),
without internet or a web server. Material's offline plugin makes links end in
.html and puts the search index in a script; mkdocs.offline.yml adds the
iframe-worker shim from our repository.

    python scripts/offline_zip.py site-offline.zip

The zip is written to a temporary name first, so a failed build never leaves a
half-written zip behind.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.offline.yml"
# Everything sits in one folder inside the zip, so unzipping gives one folder, not 20 files.
FOLDER = "kennisbank-ervaringsdeskundigheid-jeugd"
# A fixed timestamp makes the zip the same for the same site.
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def build_offline_site(site_dir: Path) -> None:
    """Run mkdocs with the offline plugin switched on."""
    env = dict(os.environ, KENNISBANK_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--config-file", str(CONFIG), "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, check=True)


def write_zip(site_dir: Path, zip_path: Path) -> None:
    """Pack site_dir into zip_path under FOLDER/, in a stable order."""
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def make_offline_zip(zip_path: Path) -> None:
    zip_path = zip_path.resolve()
    with tempfile.TemporaryDirectory(prefix=".site-build-offline-", dir=zip_path.parent) as tmp:
        site_dir = Path(tmp) / "site"
        build_offline_site(site_dir)
        partial = Path(tmp) / zip_path.name
        write_zip(site_dir, partial)
        os.replace(partial, zip_path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("Gebruik: python scripts/offline_zip.py UIT.zip", file=sys.stderr)
        return 2
    try:
        make_offline_zip(Path(args[0]))
    except subprocess.CalledProcessError:
        print("De offline versie is niet gebouwd; zie de melding hierboven.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
