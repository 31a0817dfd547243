"""The menu at 1280 x 900 and the wide tables at 390 px, as a reader sees them in chromium."""

from __future__ import annotations

import pytest

from .polling import wait_until

# The links of the left menu a reader can see now (folded groups are in the HTML but hidden).
VISIBLE_MENU_LINKS = """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav--primary .md-nav__link')]
  .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true})
               && e.getBoundingClientRect().height > 0)"""


def menu_geometry(page) -> dict:
    # Material sets the menu's height from the page with JavaScript; wait for it.
    wait_until(page, "() => document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap')"
                     ".style.height !== ''")
    return page.evaluate(f"""() => {{
      const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
      wrap.scrollTop = 0;
      const links = ({VISIBLE_MENU_LINKS})();
      const last = links[links.length - 1].getBoundingClientRect();
      return {{labels: links.map(e => e.textContent.trim()), last: last.bottom,
               visible: Math.min(wrap.getBoundingClientRect().bottom, innerHeight)}};
    }}""")


def test_topic_labels_show_in_the_menu(page, site_url):
    page.goto(site_url)
    labels = menu_geometry(page)["labels"]
    assert {"Thema's", "Doelgroepen", "Werkgebieden"} <= set(labels), labels
    assert labels[:2] == ["Start", "Voor wie"], labels


def test_the_whole_menu_fits_1280_by_900_on_every_page(page, site_url):
    page.goto(site_url)
    paths = page.eval_on_selector_all(".md-sidebar--primary a.md-nav__link[href]",
                                      "links => [...new Set(links.map(a => a.pathname))]")
    assert len(paths) > 25, paths
    too_tall = []
    for path in paths:
        page.goto(site_url.rstrip("/") + path)
        geometry = menu_geometry(page)
        if geometry["last"] > geometry["visible"]:
            too_tall.append(f"{path}: last item '{geometry['labels'][-1]}' ends at {geometry['last']:.0f} px, "
                            f"the menu shows {geometry['visible']:.0f} px")
    assert not too_tall, "the menu needs scrolling at 1280 x 900:\n" + "\n".join(too_tall)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    yield context.new_page()
    context.close()


SCROLL_HINT = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(wrap => ({
  overflows: wrap.scrollWidth > wrap.clientWidth,
  hint: getComputedStyle(wrap, '::before').display !== 'none' ? getComputedStyle(wrap, '::before').content : null,
}))"""


def test_a_wide_table_says_it_scrolls_sideways_and_a_narrow_one_does_not(phone, page, site_url):
    phone.goto(site_url + "organisaties/")
    phone.wait_for_selector(".md-typeset__scrollwrap")
    [table] = phone.evaluate(SCROLL_HINT)
    assert table["overflows"], "the organisations table fits a phone; pick a wider table for this test"
    assert table["hint"] and "Schuif de tabel opzij" in table["hint"]
    page.goto(site_url + "organisaties/")      # 1280 px: the table fits, so no hint
    page.wait_for_selector(".md-typeset__scrollwrap")
    [table] = page.evaluate(SCROLL_HINT)
    assert not table["overflows"] and table["hint"] is None


def test_open_data_field_names_break_only_between_words(phone, site_url):
    phone.goto(site_url + "open-data/")
    # Per field name, the characters after which the rendered text goes to a new line.
    breaks = phone.evaluate("""() => [...document.querySelectorAll('code.kb-veldnaam')].map(code => {
      const chars = [];
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        for (let i = 0; i < walker.currentNode.length; i++) {
          const range = document.createRange();
          range.setStart(walker.currentNode, i);
          range.setEnd(walker.currentNode, i + 1);
          chars.push([walker.currentNode.data[i], range.getBoundingClientRect().top]);
        }
      }
      const after = [];
      for (let i = 1; i < chars.length; i++) if (chars[i][1] > chars[i - 1][1] + 2) after.push(chars[i - 1][0]);
      return [code.textContent, after];
    })""")
    assert len(breaks) > 30
    assert any(after for _, after in breaks), "no field name wraps at 390 px: the test proves nothing"
    wrong = [name for name, after in breaks if set(after) - {".", "_"}]
    assert not wrong, f"field names broken inside a word: {wrong}"
