"""MkDocs hooks for hostile input (#8): check catalogue pages after Markdown, finish the CSP.

on_page_content refuses a catalogue page whose HTML could run script: the validator
should have stopped such text already, so this only fires if something slipped past it.
A page whose tags are all plain Markdown ones (kennisbank.plain_html) skips the full parse.
on_post_page / on_post_template put the hashes of each page's inline scripts into its
Content-Security-Policy (the policy itself is in theme/main.html).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kennisbank.csp import with_script_hashes
from kennisbank.plain_html import only_plain_markup
from kennisbank.safety import unsafe_html


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if ((page.file.generated_by or "").endswith("catalogue_hooks.py") and not only_plain_markup(html)
            and (found := unsafe_html(html))):
        raise Abort(f"De pagina {page.file.src_uri} bevat na het omzetten onveilige HTML ({', '.join(found)}). "
                    f"De site is niet gebouwd. Haal de HTML uit het item; meld het ook aan de beheerders, "
                    f"want de controle had dit eerder moeten vinden.")
    return html


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(-100)   # after every other hook and plugin has changed the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_script_hashes(output, _offline(config))


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a template, not as a page.
    return with_script_hashes(output_content, _offline(config)) if template_name.endswith(".html") else output_content
