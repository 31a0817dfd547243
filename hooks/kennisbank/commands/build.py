"""kennisbank bouw: build the whole site into site/ without ever leaving a broken one behind.

    kennisbank bouw                       # what `make site` runs
    kennisbank bouw --site-map /tmp/x/site

Everything is built into a fresh folder next to site/; only when every step succeeded
does that folder replace site/, and the new site-offline.zip (kennisbank offline) the
old one. A failed or interrupted build leaves the previous site/ exactly as it was.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def add(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("bouw", help="bouw de site (en site-offline.zip ernaast)",
                                 description="Bouw de site en de offline versie. De vorige site blijft staan "
                                             "tot alles gelukt is.")
    parser.add_argument("--site-map", type=Path, default=Path("site"), metavar="MAP",
                        help="map voor de site (standaard: site)")
    parser.set_defaults(run=run)


def step(name: str, command: list[str]) -> None:
    print(f"==> {name}", flush=True)
    started = time.perf_counter()
    # The step runs in its own session: Ctrl-C reaches only this process, which stops the step
    # itself, so the step never dies halfway through printing a traceback.
    with subprocess.Popen(command, start_new_session=True) as child:
        try:
            code = child.wait()
        except BaseException:
            child.terminate()
            child.wait()
            raise
    if code:
        raise subprocess.CalledProcessError(code, command)
    print(f"    {name}: klaar in {time.perf_counter() - started:.1f} s", flush=True)


def run(args: argparse.Namespace) -> int:
    # A stopped CI job (SIGTERM) cleans up like Ctrl-C does, instead of leaving a build folder.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    target = args.site_map.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    build.chmod(0o755)   # mkdtemp makes it private; a web server must be able to read site/
    offline_zip = build.with_name(build.name + "-offline.zip")   # beside the build, until the swap
    try:
        step("site bouwen (mkdocs build --strict)",
             [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(build)])
        step("offline-versie (site-offline.zip)", [sys.executable, "-m", "kennisbank", "offline", str(offline_zip)])
    except subprocess.CalledProcessError:
        _remove(build, offline_zip)
        print("\nDe site is niet gebouwd. De vorige versie in site/ is niet veranderd.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        _remove(build, offline_zip)
        print("\nAfgebroken. De vorige versie in site/ is niet veranderd.", file=sys.stderr)
        return 130
    # Swap: site -> old, build -> site, then remove old.
    old = target.parent / f".site-old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    build.rename(target)
    os.replace(offline_zip, target.parent / "site-offline.zip")
    shutil.rmtree(old, ignore_errors=True)
    print(f"De site staat in {target}/, de offline versie in {target.parent / 'site-offline.zip'}.")
    return 0


def _remove(build: Path, offline_zip: Path) -> None:
    shutil.rmtree(build, ignore_errors=True)
    offline_zip.unlink(missing_ok=True)
