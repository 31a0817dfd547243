"""Build the whole site into site/ without ever leaving a broken one behind.

Everything is built into a fresh folder next to site/; only when every step
succeeded does that folder replace site/. A failed build leaves the previous
site/ exactly as it was.

    python scripts/build_site.py            # what `make site` runs
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def step(name: str, command: list[str]) -> None:
    print(f"==> {name}", flush=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    print(f"    {name}: klaar in {time.perf_counter() - started:.1f} s", flush=True)


def main() -> int:
    target = ROOT / "site"
    build = Path(tempfile.mkdtemp(prefix=".site-build-", dir=ROOT))
    env_python = sys.executable
    try:
        step("site bouwen (mkdocs build --strict)",
             [env_python, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(build)])
    except subprocess.CalledProcessError:
        shutil.rmtree(build, ignore_errors=True)
        print("\nDe site is niet gebouwd. De vorige versie in site/ is niet veranderd.", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    # Swap: site -> old, build -> site, then remove old.
    old = ROOT / f".site-old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    build.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    print(f"De site staat in {target.relative_to(ROOT)}/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
