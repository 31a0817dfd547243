"""Share images (og:image, 1200 × 630 PNG): one per part of the site, not one per page.

A link posted elsewhere shows the image of the part of the site it leads to: the home
page, an entry kind, a route page or any other page. Typst draws all of them in one run
(about 0.1 s; a PNG per entry would grow with the catalogue), from data, with the bundled
fonts and no network. The PNGs are kept in a cache folder by a hash of everything they are
drawn from, so a build usually only reads them (a few milliseconds)::

    for path, png in share_images(logo_svg):
        print(path)                             # "assets/delen/voorbeelden.png", ...
    share_image("voorbeelden/njr.md")           # "assets/delen/voorbeelden.png"
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import typst

from kennisbank.kinds import KINDS

TEMPLATE = Path(__file__).parent / "templates" / "delen.typ"
FONTS = Path(__file__).parent / "fonts"
FOLDER = "assets/delen"
WIDTH, HEIGHT = 1200, 630   # pixels: the size most sites show in full

# Part of the site (its first folder, "" for the home page) -> (file name, the words on the image).
SECTIONS = {
    "": ("start", "Voor gemeenten, organisaties, ouders, jongeren en trainers"),
    **{kind.folder: (kind.folder, kind.plural) for kind in KINDS},
    "voor": ("voor-wie", "Wat jij zoekt, bij elkaar"),
    "themas": ("onderwerpen", "Zoeken per onderwerp"),
    "doelgroepen": ("onderwerpen", "Zoeken per onderwerp"),
    "werkgebieden": ("onderwerpen", "Zoeken per onderwerp"),
    "handboek": ("handboek", "Handboek om te printen"),
}
OTHER = ("pagina", "Ervaringsdeskundigheid in de jeugdhulp")


def share_image(page: str) -> str:
    """The share image of a page (its path in the docs folder), as a path in the site."""
    folder = page.split("/", 1)[0] if "/" in page else ("" if page == "index.md" else None)
    name, _ = SECTIONS.get(folder, OTHER) if folder is not None else OTHER
    return f"{FOLDER}/{name}.png"


def share_images(logo_svg: str, cache: Path | None = None) -> list[tuple[str, bytes]]:
    """(path in the site, PNG) for every share image; `cache` is the folder that keeps them between builds."""
    images = dict(SECTIONS.values()) | dict([OTHER])
    data = json.dumps({"titles": list(images.values()), "logo": logo_svg}, ensure_ascii=False)
    key = hashlib.sha256("\0".join([data, TEMPLATE.read_text(encoding="utf-8"), typst.__version__]).encode())
    folder = (cache or default_cache()) / key.hexdigest()[:20]
    names = [f"{FOLDER}/{name}.png" for name in images]
    try:
        return [(name, (folder / f"{i}.png").read_bytes()) for i, name in enumerate(names)]
    except OSError:
        pass
    pngs = typst.compile(str(TEMPLATE), format="png", ppi=72, font_paths=[str(FONTS)], ignore_system_fonts=True,
                         sys_inputs={"data": data})
    pngs = pngs if isinstance(pngs, list) else [pngs]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for i, png in enumerate(pngs):
            (folder / f"{i}.png").write_bytes(png)
    except OSError:   # a read-only cache only costs time
        pass
    return list(zip(names, pngs))


def default_cache() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kennisbank" / "delen"
