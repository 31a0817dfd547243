"""Write catalogue/schema/vocabulaires.schema.json from the vocabularies, for editors.

The validator builds the same schema in memory; a test fails when the committed
file is out of date. Run this after changing a file in catalogue/vocabulaires/.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from kennisbank.vocabularies import SCHEMA_FILE, load_vocabularies, vocabulary_schema_text  # noqa: E402


def main() -> int:
    catalogue = ROOT / "catalogue"
    vocabularies, problems = load_vocabularies(catalogue)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    target = catalogue / "schema" / SCHEMA_FILE
    tmp = target.with_suffix(".tmp")
    tmp.write_text(vocabulary_schema_text(vocabularies), encoding="utf-8")
    tmp.replace(target)
    print(f"{target.relative_to(ROOT)} bijgewerkt.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
