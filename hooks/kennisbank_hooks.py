"""MkDocs hooks: translate build events into calls on the catalogue core (the kennisbank package).

One build state, made anew by on_config for every build (MkDocs keeps this module loaded
during `mkdocs serve`, so nothing of an earlier build may linger):

- on_config     loads and validates the catalogue; sets the one Markdown configuration
- on_files      adds every generated page and download, the PDFs included (kennisbank.site)
- on_page_markdown fills the lists of entries a hand-written page asks for (kennisbank.routes)
- on_page_context  gives the home page its tiles and every page its share image (og:image)
- on_page_content  refuses a generated page whose HTML could run script (a second line
                behind the validator: it only fires if something slipped past it)
- on_post_page  makes the theme's markup valid HTML (kennisbank.theme_markup) and puts the hashes
                of each page's inline scripts into its Content-Security-Policy
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kennisbank import Catalogue, CatalogueError, load_catalogue
from kennisbank.csp import with_script_hashes
from kennisbank.handbook import HandbookError
from kennisbank.home import home_tiles
from kennisbank.markup import EXTENSIONS, extension_configs
from kennisbank.routes import ListError, fill_lists
from kennisbank.safety import untrusted_html
from kennisbank.share import share_image
from kennisbank.structure import columns
from kennisbank.site import Settings, site_files
from kennisbank.theme_markup import valid_theme_markup

@dataclass
class _Build:
    catalogue: Catalogue
    settings: Settings
    offline: bool                          # the offline copy (Material's offline plugin is on)
    trusted: dict[str, tuple[str, ...]]    # generated page -> markup its template writes on purpose
    files: Files | None = None             # every file of the site, once on_files has run


class _State:
    serving = False              # set once per process by on_startup: `mkdocs serve` makes no PDFs
    build: _Build | None = None


_state = _State()


def on_startup(command: str, dirty: bool) -> None:
    _state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.build = None
    root = Path(config.config_file_path).parent
    try:
        catalogue = load_catalogue(root / "catalogue")
    except CatalogueError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise Abort(f"De catalogus heeft {len(error.problems)} fout(en). De site is niet gebouwd; "
                    f"herstel de fouten hierboven en probeer het opnieuw.") from None
    for warning in catalogue.warnings:   # printed, not logged: a logged warning would fail --strict
        print(warning, file=sys.stderr)
    config.markdown_extensions = list(dict.fromkeys([*config.markdown_extensions, *EXTENSIONS]))
    config.mdx_configs = {**config.mdx_configs, **extension_configs(catalogue.abbreviations)}
    offline = config.plugins.get("material/offline")
    # The PDFs take seconds: not on every edit under `mkdocs serve`, nor in the benchmark (KENNISBANK_PDF=0).
    pdfs = not _state.serving and os.environ.get("KENNISBANK_PDF") != "0"
    if not pdfs:
        print("De PDF's worden nu niet gemaakt (mkdocs serve of KENNISBANK_PDF=0); 'make site' maakt ze wel.",
              file=sys.stderr)
    settings = Settings(url=config.site_url or "", repo_url=config.repo_url or "", docs=Path(config.docs_dir),
                        pdfs=pdfs)
    _state.build = _Build(catalogue, settings, offline=bool(offline and offline.config.enabled), trusted={})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _state.build
    try:
        made = site_files(build.catalogue, build.settings, say=lambda line: print(line, flush=True))
    except HandbookError as error:
        raise Abort(f"Het handboek (PDF) is niet gemaakt: {error}") from None
    for item in made:
        file = File.generated(config, item.path, content=item.content)
        # The edit button opens the YAML file; edit_uri points into docs/, hence "../".
        file.edit_uri = f"../{item.edit}" if item.edit else None
        files.append(file)
        build.trusted[item.path] = item.trusted
    build.files = files
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "lijsten" not in page.meta:
        return markdown
    try:
        return fill_lists(markdown, page.meta["lijsten"], _state.build.catalogue, page.file.src_uri)
    except ListError as error:
        raise Abort(str(error)) from None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context["share_image"] = (config.site_url or "") + share_image(page.file.src_uri)
    if page.meta.get("template") == "home.html":
        # printed, not logged: a logged warning would fail --strict
        tiles = home_tiles(_state.build.catalogue, page.meta, warn=lambda line: print(line, file=sys.stderr))
        context["tiles"] = {part: [(tile, _url(tile.path)) for tile in found] for part, found in tiles.items()}
        context["page_url"] = _url
        context["structure"] = columns(_state.build.catalogue)
    return context


def _url(path: str) -> str:
    file = _state.build.files.get_file_from_path(path)
    if file is None:
        raise Abort(f"De startpagina linkt naar {path}, maar die pagina bestaat niet.")
    return file.url


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    trusted = _state.build.trusted.get(page.file.src_uri)
    if trusted is not None and (found := untrusted_html(html, trusted)):
        raise Abort(f"De pagina {page.file.src_uri} bevat na het omzetten onveilige HTML ({', '.join(found)}). "
                    f"De site is niet gebouwd. Haal de HTML uit het item; meld het ook aan de beheerders, "
                    f"want de controle had dit eerder moeten vinden.")
    return html


@event_priority(-100)   # after every other hook and plugin has changed the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_script_hashes(valid_theme_markup(output), _state.build.offline)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a template, not as a page.
    if not template_name.endswith(".html"):
        return output_content
    return with_script_hashes(valid_theme_markup(output_content), _state.build.offline)
