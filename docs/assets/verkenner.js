/*
 * The catalogue explorer (/verkennen/): filters the list of every entry on the page.
 *
 * The page lists every entry without JavaScript; this script shows the filter form,
 * reads the filter data the build embedded in the page (#kb-verkenner-gegevens), hides
 * the entries that do not match and keeps the choice in the query string
 * (?thema=beleid&doelgroep=ouders), so a filtered view can be shared or bookmarked.
 * Within a group a match on any ticked value counts; across groups every group must match.
 * Works from file:// too (offline zip): nothing is fetched.
 *
 * On wide screens the filters stand beside the results (verkenner.css); on small screens they
 * fold behind the "Filters" button (aria-expanded is the one state; the CSS reads it), and
 * "Toon N resultaten" closes them and moves the focus to the results.
 */
(function () {
  "use strict";

  var form = document.getElementById("kb-verkenner");
  var dataElement = document.getElementById("kb-verkenner-gegevens");
  var status = document.getElementById("kb-verkenner-aantal");
  var empty = document.getElementById("kb-verkenner-leeg");
  var layout = document.getElementById("kb-verkenner-indeling");
  var toggle = document.getElementById("kb-verkenner-knop");
  var show = document.getElementById("kb-verkenner-toon");
  var ticked = document.getElementById("kb-verkenner-gekozen");
  var wide = window.matchMedia("(min-width: 60em)");
  if (!form || !dataElement || !status) return;

  var data = JSON.parse(dataElement.textContent);
  var params = data.filters;
  var rows = {};
  document.querySelectorAll("[data-kb-item]").forEach(function (link) {
    rows[link.getAttribute("data-kb-item")] = link.closest("li");
  });

  function chosen() {
    var choice = {};
    params.forEach(function (param) {
      choice[param] = Array.prototype.map.call(
        form.querySelectorAll("input[name='" + param + "']:checked"),
        function (box) { return box.value; });
    });
    return choice;
  }

  function matches(item, choice, skip) {
    return params.every(function (param) {
      if (param === skip || choice[param].length === 0) return true;
      var values = item[param] || [];
      return choice[param].some(function (value) { return values.indexOf(value) !== -1; });
    });
  }

  function itemsText(n) {
    return n === 1 ? "1 item" : n + " items";
  }

  function setOpen(open) {
    if (toggle) toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function update() {
    var choice = chosen();
    var shown = 0;
    data.items.forEach(function (item) {
      var visible = matches(item, choice);
      if (rows[item.id]) rows[item.id].hidden = !visible;
      if (visible) shown += 1;
    });
    // Per value: how many entries there would be with this value, given the other groups.
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var n = data.items.filter(function (item) {
        return matches(item, choice, box.name) && (item[box.name] || []).indexOf(box.value) !== -1;
      }).length;
      var count = box.parentNode.querySelector(".kb-filter__aantal");
      if (count) count.textContent = "(" + n + ")";
    });
    var total = data.items.length;
    status.textContent = shown === total ? itemsText(total) : shown + " van de " + itemsText(total);
    if (empty) empty.hidden = shown !== 0;
    if (show) show.textContent = "Toon " + shown + (shown === 1 ? " resultaat" : " resultaten");
    if (ticked) {
      var n = form.querySelectorAll("input[type=checkbox]:checked").length;
      ticked.textContent = n ? "(" + n + " gekozen)" : "";
    }
    writeUrl(choice);
  }

  function writeUrl(choice) {
    var query = new URLSearchParams();
    params.forEach(function (param) {
      choice[param].forEach(function (value) { query.append(param, value); });
    });
    var text = query.toString();
    var url = location.pathname + (text ? "?" + text : "");
    if (url === location.pathname + location.search) return;
    try {
      history.replaceState(null, "", url);
    } catch (error) {
      // Some browsers refuse to change a file:// address; the hash always works.
      location.hash = text;
    }
  }

  function readUrl() {
    var text = location.search.slice(1) || location.hash.slice(1);
    var query = new URLSearchParams(text);
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.checked = query.getAll(box.name).indexOf(box.value) !== -1;
    });
  }

  form.hidden = false;
  if (layout) layout.classList.add("kb-verkenner-indeling--filters");
  // The filters fill several phone screens: folded up on small screens, open on wide ones.
  setOpen(wide.matches);
  if (toggle) {
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
  }
  if (show) {
    show.addEventListener("click", function () {
      setOpen(false);
      status.focus();
      status.scrollIntoView({block: "start"});
    });
  }
  readUrl();
  update();
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // A reset clears the boxes after the event; update once it has.
  form.addEventListener("reset", function () { setTimeout(update, 0); });
})();
