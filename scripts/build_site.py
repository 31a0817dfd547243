"""Build the whole site into site/ without ever leaving a broken one behind.

Everything is built into a fresh folder next to site/; only when every step
succeeded does that folder replace site/. A failed build leaves the previous
site/ exactly as it was.

    python scripts/build_site.py            # what `make site` runs
    python scripts/build_site.py --site-dir /tmp/x/site   # elsewhere (browser tests)

Next to the site folder it also writes site-offline.zip (scripts/offline_zip.py).
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

ROOT = Path(__file__).resolve().parent.parent


def step(name: str, command: list[str]) -> None:
    print(f"==> {name}", flush=True)
    started = time.perf_counter()
    # The step runs in its own session: Ctrl-C reaches only this script, which stops the step
    # itself, so the step never dies halfway through printing a traceback.
    with subprocess.Popen(command, cwd=ROOT, start_new_session=True) as child:
        try:
            code = child.wait()
        except BaseException:
            child.terminate()
            child.wait()
            raise
    if code:
        raise subprocess.CalledProcessError(code, command)
    print(f"    {name}: klaar in {time.perf_counter() - started:.1f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de site (en site-offline.zip ernaast).")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site",
                        help="map voor de site (standaard: site/)")
    target = parser.parse_args(argv).site_dir.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=".site-build-", dir=target.parent))
    build.chmod(0o755)   # mkdtemp makes it private; a web server must be able to read site/
    # Holds the new site-offline.zip until the swap.
    offline = Path(tempfile.mkdtemp(prefix=".site-build-offline-", dir=target.parent))
    offline_zip = offline / "site-offline.zip"
    built = False
    try:
        step("site bouwen (mkdocs build --strict)",
             [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(build)])
        step("offline-versie (site-offline.zip)",
             [sys.executable, str(ROOT / "scripts" / "offline_zip.py"), str(offline_zip)])
        built = True
    except subprocess.CalledProcessError:
        print("\nDe site is niet gebouwd. De vorige versie in site/ is niet veranderd.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nAfgebroken. De vorige versie in site/ is niet veranderd.", file=sys.stderr)
        return 130
    finally:
        if not built:
            shutil.rmtree(build, ignore_errors=True)
            shutil.rmtree(offline, ignore_errors=True)
    # Swap: site -> old, build -> site, then remove old.
    old = target.parent / f".site-old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    build.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    os.replace(offline_zip, target.parent / "site-offline.zip")
    shutil.rmtree(offline, ignore_errors=True)
    print(f"De site staat in {target}/, de offline versie in {target.parent / 'site-offline.zip'}.")
    return 0


if __name__ == "__main__":
    # A stopped CI job (SIGTERM) cleans up like Ctrl-C does, instead of leaving a build folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
