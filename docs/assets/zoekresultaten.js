/*
 * Search results say what kind of item each page is: Organisatie, Goed voorbeeld, Checklist,
 * Agendapunt, Bron, or Pagina for everything else (overviews, themes, hand-written pages).
 *
 * Material renders the results in its own bundle; this script watches the result list and puts
 * a label above the title of each page it adds. The kind follows from the address: an entry
 * lives at <folder>/<slug>/ (or <folder>/<slug>/index.html in the offline copy), its folder
 * being one of the catalogue's kinds (hooks/kennisbank/kinds.py; tests/browser/test_search.py
 * checks that every kind gets its label).
 */
(function () {
  "use strict";

  var KINDS = {
    organisaties: "Organisatie",
    voorbeelden: "Goed voorbeeld",
    checklists: "Checklist",
    agenda: "Agendapunt",
    bronnen: "Bron"
  };
  var OTHER = "Pagina";

  var list = document.querySelector(".md-search-result__list");
  var config = document.getElementById("__config");
  if (!list || !config || !window.MutationObserver) return;
  var base = new URL(JSON.parse(config.textContent).base + "/", location.href).href;

  function kindOf(href) {
    if (href.indexOf(base) !== 0) return OTHER;
    var parts = href.slice(base.length).split(/[?#]/)[0].replace(/(^|\/)index\.html$/, "")
      .split("/").filter(Boolean);
    return parts.length === 2 && KINDS.hasOwnProperty(parts[0]) ? KINDS[parts[0]] : OTHER;
  }

  function label(item) {
    var link = item.querySelector("a.md-search-result__link");
    var title = link && link.querySelector("article > h1");
    if (!title || title.parentNode.querySelector(".kb-zoek-soort")) return;
    var kind = document.createElement("span");
    kind.className = "kb-zoek-soort";
    kind.textContent = kindOf(link.href);
    title.parentNode.insertBefore(kind, title);
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (node.nodeType === 1 && node.classList.contains("md-search-result__item")) label(node);
      });
    });
  }).observe(list, {childList: true});
})();
