"""Rewrite the generated part of CONTRIBUTING.md (fields, value lists, templates) from the schemas.

    python scripts/contributing.py           # update CONTRIBUTING.md
    python scripts/contributing.py --check   # exit 1 when CONTRIBUTING.md is out of date

Run it after changing a schema or a vocabulary; a test fails when you forget.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank.contributing import MarkersMissing, field_reference, replace_generated  # noqa: E402

CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Werk de lijst met velden in CONTRIBUTING.md bij.")
    parser.add_argument("--check", action="store_true", help="alleen controleren, niets schrijven")
    args = parser.parse_args(argv)
    text = CONTRIBUTING.read_text(encoding="utf-8")
    try:
        new = replace_generated(text, field_reference(ROOT / "catalogue"))
    except MarkersMissing as error:
        print(f"CONTRIBUTING.md: {error}", file=sys.stderr)
        return 1
    if new == text:
        print("CONTRIBUTING.md is al bijgewerkt.")
        return 0
    if args.check:
        print("CONTRIBUTING.md is niet bijgewerkt. Voer uit: python scripts/contributing.py", file=sys.stderr)
        return 1
    tmp = CONTRIBUTING.with_name(f".{CONTRIBUTING.name}.{os.getpid()}.tmp")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(CONTRIBUTING)
    print("CONTRIBUTING.md bijgewerkt.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
