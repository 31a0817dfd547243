"""Writing a file so that a failure never leaves half of it, and an existing file is never hit by surprise.

    write_atomic(Path("site/handboek.pdf"), pdf_bytes)            # replaces the old file in one step
    write_atomic(Path("catalogue/bronnen/x.yml"), text, new=True)  # FileExistsError if it is there
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, *, new: bool = False) -> None:
    """Write through a temporary file next to `path`, then rename (or, with new=True, link) it into place.

    A hard link fails when the target exists, so two people creating the same file at
    once can never overwrite each other.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if new and path.exists():
        raise FileExistsError(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o644)   # mkstemp makes it private; a web server must be able to read the site
        if new:
            os.link(tmp, path)
        else:
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
