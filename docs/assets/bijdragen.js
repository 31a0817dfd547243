/* The contributor forms (pages under /bijdragen/).
 *
 * The page holds a plain HTML form and, in <script id="kb-formulier-gegevens">, everything this
 * script needs, generated from the same rules the validator uses (hooks/kennisbank/contribute_form.py):
 * the fields from the JSON Schemas (required, length, pattern, word lists, new sources), the text
 * checks of kennisbank.safety, the file name rule of kennisbank.names and the Dutch messages of
 * kennisbank.messages.FORM_MESSAGES. It checks the answers, turns them into the YAML file the
 * catalogue expects, and links to GitHub's "new file" page with the file name and content filled
 * in; when that address would be too long for GitHub, it offers copy and paste instead. Nothing is
 * sent anywhere until the user follows a link.
 *
 * The pure functions (slugify, check, buildYaml, newFileUrl, emptyFileUrl, fileName, items) have no
 * DOM access, so the tests run them under node (tests/test_contribute_form.py).
 */
(function () {
  "use strict";

  var PLAIN = /^[\p{L}][^\n]*$/u;
  var RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
  var LIST_MARK = /^\s*(?:[-*+\u2022\u2013\u2014]|\d{1,3}[.)])\s+/;
  var NEW = "nieuw";

  function format(template, facts) {
    return template.replace(/\{\{|\}\}|\{(\w+)\}/g, function (all, name) {
      if (all === "{{") return "{";
      if (all === "}}") return "}";
      return Object.prototype.hasOwnProperty.call(facts, name) ? String(facts[name]) : all;
    });
  }

  function say(data, code, facts) { return format(data.messages[code], facts || {}); }

  /* ---- File names: python-slugify's rule (kennisbank.names.slug_for), step by step. ---- */

  function decodeEntities(text, entities) {
    return text.replace(/&([A-Za-z][A-Za-z0-9]*);/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(entities, name) ? entities[name] : all;
    }).replace(/&#(\d+);/g, function (all, code) {
      var n = Number(code); return n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }).replace(/&#x([0-9A-Fa-f]+);/g, function (all, code) {
      var n = parseInt(code, 16); return n <= 0x10ffff ? String.fromCodePoint(n) : all;
    });
  }

  function transliterate(text, table) {
    var out = "";
    for (var ch of text.normalize("NFKD")) {
      out += ch.charCodeAt(0) < 128 ? ch : (Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : "");
    }
    return out;
  }

  /** Cut at a word boundary, as python-slugify's smart_truncate does. */
  function truncate(slug, max) {
    if (!max || slug.length < max) return slug;
    if (slug.indexOf("-") < 0) return slug.slice(0, max);
    var cut = "";
    slug.split("-").some(function (word) {
      if (!word) return false;
      var next = cut.length + word.length;
      if (next < max) { cut += word + "-"; return false; }
      if (next === max) { cut += word; return true; }
      return false;
    });
    if (!cut) cut = slug.slice(0, max);
    return cut.replace(/^-+|-+$/g, "");
  }

  /** "Straße Øresund Łódź" -> "strasse-oresund-lodz": the file name the validator and `kennisbank nieuw` use. */
  function slugify(text, rules) {
    rules = rules || { table: {}, entities: {}, max: 0 };
    var s = String(text).replace(/'+/g, "-");
    s = transliterate(s, rules.table);
    s = decodeEntities(s, rules.entities).normalize("NFKD").toLowerCase();
    s = s.replace(/'+/g, "").replace(/(\d),(?=\d)/g, "$1");
    s = s.replace(/[^-a-z0-9]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
    return truncate(s, rules.max);
  }

  /* ---- Text as the validator will read it. ---- */

  /** Normalise line breaks and drop characters a YAML file may not hold. */
  function clean(text) {
    return String(text).replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/g, "")
      .replace(/[ \t]+$/gm, "").replace(/^\n+|\s+$/g, "");
  }

  /** The items of a list typed one per line; "- punt", "* punt", "1. punt" become "punt". */
  function items(value) {
    if (Array.isArray(value)) return value;
    return clean(value).split("\n").map(function (line) { return line.replace(LIST_MARK, "").trim(); })
      .filter(Boolean);
  }

  function isEmpty(value) {
    if (value === undefined || value === null) return true;
    if (Array.isArray(value)) return value.every(isEmpty);
    if (typeof value === "object") return Object.keys(value).every(function (k) { return isEmpty(value[k]); });
    return String(value).trim() === "";
  }

  function isDate(value) {
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === value;
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function snippet(text, start) {
    var end = text.indexOf(">", start);
    end = end >= 0 && end < start + 40 ? end + 1 : start + 40;
    return text.slice(start, end).split(/\s+/).join(" ") + (end < text.length && text[end - 1] !== ">" ? "…" : "");
  }

  /** The scheme a browser would see at the start of a link target (kennisbank.safety.link_scheme). */
  function linkScheme(target, rules, entities) {
    var start = decodeEntities(target.slice(0, 200), entities).replace(new RegExp(rules.invisible, "g"), "")
      .replace(/^[ <]+/, "").toLowerCase();
    var match = new RegExp("^" + rules.scheme).exec(start);
    return match ? match[1] : null;
  }

  /** What kennisbank.safety.unsafe_text refuses in one text: [code, facts] or null. */
  function unsafe(text, rules, entities) {
    if (text.length > rules.max_text) return ["form-te-lang", { length: text.length, limit: rules.max_text }];
    var brackets = (text.match(/\[/g) || []).length;
    if (brackets > rules.max_brackets) return ["form-haakjes", { count: brackets, limit: rules.max_brackets }];
    var targets = [];
    var re = new RegExp(rules.autolink, "g"), m;
    while ((m = re.exec(text))) targets.push(m[1]);
    re = new RegExp(rules.link_target, "g");
    while ((m = re.exec(text))) targets.push(text.slice(re.lastIndex));
    re = new RegExp(rules.reference, "gm");
    while ((m = re.exec(text))) targets.push(text.slice(re.lastIndex));
    for (var i = 0; i < targets.length; i++) {
      var scheme = linkScheme(targets[i], rules, entities);
      if (scheme && rules.link_schemes.indexOf(scheme) < 0) return ["form-link", { snippet: snippet(targets[i], 0) }];
    }
    if ((m = new RegExp(rules.image).exec(text))) return ["form-afbeelding", { snippet: snippet(text, m.index) }];
    var plain = text.replace(new RegExp(rules.autolink, "g"), " ").replace(new RegExp(rules.automail, "g"), " ");
    if ((m = new RegExp(rules.tag).exec(plain))) return ["form-html", { snippet: snippet(plain, m.index) }];
    if ((m = new RegExp(rules.attributes).exec(text))) return ["form-accolades", { snippet: snippet(text, m.index) }];
    return null;
  }

  /* ---- Checking the answers. ---- */

  /** Problems with the answers, as [{field, message}] in plain Dutch; [] when all is well. */
  function check(data, values) {
    var problems = [];
    var rules = data.rules;
    function add(name, code, facts) { problems.push({ field: name, message: say(data, code, facts) }); }

    function checkText(name, label, field, text) {
      if (text.toUpperCase().indexOf(rules.placeholder) === 0) {
        add(name, "form-vul-in-staat-er", { label: label, placeholder: rules.placeholder }); return;
      }
      var found = unsafe(text, rules, data.slug.entities);
      if (found) { found[1].label = label; add(name, found[0], found[1]); return; }
      if (field.max_length && text.length > field.max_length) {
        add(name, "form-te-lang", { label: label, length: text.length, limit: field.max_length });
      } else if (field.type === "korte_tekst" && field.pattern && !new RegExp(field.pattern).test(text)) {
        add(name, "form-een-regel", { label: label });
      }
    }

    function walk(fields, vals, prefix, labelOf) {
      fields.forEach(function (field) {
        var name = prefix + field.name;
        var value = vals[field.name];
        var label = labelOf(field);
        var news = field.new_fields && field.new_fields.length ? (vals[field.name + "." + NEW] || []) : [];
        var filledNews = news.filter(function (n) { return !isEmpty(n); });
        if (isEmpty(value) && !filledNews.length) {
          if (field.required) {
            var code = field.new_fields && field.new_fields.length ? "form-bron-nodig"
              : (field.type === "keuzes" || field.type === "verwijzingen") ? "form-kies-minstens"
              : (field.type === "keuze" || field.type === "verwijzing") ? "form-kies" : "form-vul-in";
            add(name, code, { label: label });
          }
          return;
        }
        news.forEach(function (source, index) {
          if (isEmpty(source)) return;
          var number = index + 1;
          var where = name + "." + NEW + "." + number + ".";
          walk(field.new_fields, source, where, function (child) {
            return say(data, "form-van-nieuwe-bron", { label: "'" + child.title + "'", number: number });
          });
          var slug = slugify(source.titel || "", data.slug);
          if (slug && data.taken.indexOf(slug) >= 0) add(where + "titel", "form-bron-bezet", { slug: slug });
        });
        if (isEmpty(value)) return;
        if (field.type === "groep") { walk(field.children, value, name + ".", function (c) { return "'" + c.title + "'"; }); return; }
        if (field.type === "keuzes" || field.type === "verwijzingen" || field.type === "keuze" || field.type === "verwijzing") return;
        if (field.type === "teksten") {
          items(value).forEach(function (item) { checkText(name, label, field, item); });
          return;
        }
        var text = clean(value);
        if (field.type === "url") {
          if (/\s/.test(text)) add(name, "form-webadres-spatie", { label: label });
          else if (!new RegExp(field.pattern).test(text)) add(name, "form-webadres", { label: label });
        } else if (field.type === "datum") {
          if (!isDate(text)) add(name, "form-datum", { label: label, example: today() });
          else if (field.past_only && text > today()) add(name, "form-datum-toekomst", { label: label });
        } else if (field.type === "getal") {
          var n = Number(text);
          if (!/^[0-9]+$/.test(text) || (field.minimum !== null && n < field.minimum) || (field.maximum !== null && n > field.maximum)) {
            add(name, "form-getal", { label: label, minimum: field.minimum, maximum: field.maximum });
          }
        } else {
          checkText(name, label, field, text);
        }
      });
    }
    walk(data.fields, values, "", function (field) { return "'" + field.title + "'"; });
    var title = values[data.title_field];
    if (!isEmpty(title) && !problems.some(function (p) { return p.field === data.title_field; })) {
      var slug = slugify(title, data.slug);
      var label = "'" + data.fields.filter(function (f) { return f.name === data.title_field; })[0].title + "'";
      if (!slug) add(data.title_field, "form-geen-naam", { label: label });
      else if (data.taken.indexOf(slug) >= 0) add(data.title_field, "form-naam-bezet", { slug: slug });
    }
    return problems;
  }

  /* ---- The YAML file. ---- */

  /** One YAML value: plain when that is safe, a block for several lines, otherwise a JSON string (valid YAML). */
  function scalar(text, indent) {
    if (/\n/.test(text)) {
      // A first line that starts with spaces needs the indentation said (|2-), or YAML reads it wrongly.
      var header = /^ /.test(text) ? "|2-" : "|-";
      return header + "\n" + text.split("\n").map(function (l) { return l ? indent + "  " + l : ""; }).join("\n");
    }
    if (PLAIN.test(text) && !RESERVED.test(text) && !/: |:$| #|\s$|[\u00a0\u200b-\u200f\u2028-\u202f\u2060\ufeff]/.test(text)) return text;
    return JSON.stringify(text);
  }

  /** The YAML file for these answers, fields in schema order, empty ones left out. */
  function buildYaml(data, values) {
    var out = [data.modeline];
    function emit(fields, vals, indent, first) {
      fields.forEach(function (field) {
        var value = vals[field.name];
        var news = field.new_fields && field.new_fields.length ?
          (vals[field.name + "." + NEW] || []).filter(function (n) { return !isEmpty(n); }) : [];
        if (isEmpty(value) && !news.length) return;
        var key = (first ? first : indent) + field.name + ":";
        first = null;
        if (field.type === "groep") {
          out.push(key);
          emit(field.children, value, indent + "  ");
        } else if (field.type === "keuzes" || field.type === "verwijzingen" || field.type === "teksten") {
          out.push(key);
          items(value || []).forEach(function (item) { out.push(indent + "  - " + scalar(clean(item), indent + "  ")); });
          news.forEach(function (source) { emit(field.new_fields, source, indent + "    ", indent + "  - "); });
        } else if (field.type === "getal") {
          out.push(key + " " + String(Number(String(value).trim())));
        } else if (field.type === "datum" && isDate(clean(value))) {
          out.push(key + " " + clean(value));   // as the scaffold writes it; the catalogue reads dates as text
        } else {
          out.push(key + " " + scalar(clean(value), indent));
        }
      });
    }
    emit(data.fields, values, "");
    return out.join("\n") + "\n";
  }

  function fileName(data, values) {
    return "catalogue/" + data.folder + "/" + slugify(values[data.title_field], data.slug) + ".yml";
  }

  /** GitHub's "create new file" page with name and content filled in. */
  function newFileUrl(data, values) {
    return emptyFileUrl(data, values) + "&value=" + encodeURIComponent(buildYaml(data, values));
  }

  /** The same page with only the file name: for a file too long to send in the address. */
  function emptyFileUrl(data, values) {
    return data.repo_url + "/new/main?filename=" + encodeURIComponent(fileName(data, values));
  }

  /** Whether the file fits in the address GitHub accepts. */
  function fitsInUrl(data, values) { return newFileUrl(data, values).length <= data.max_url; }

  var api = { slugify: slugify, check: check, buildYaml: buildYaml, newFileUrl: newFileUrl, emptyFileUrl: emptyFileUrl,
              fileName: fileName, fitsInUrl: fitsInUrl, items: items };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }

  /* ---- In the browser: read the form, show problems, offer the link. ---- */

  function readValues(form, fields, prefix) {
    var values = {};
    fields.forEach(function (field) {
      var name = prefix + field.name;
      if (field.type === "groep") {
        values[field.name] = readValues(form, field.children, name + ".");
      } else if (field.type === "keuzes" || field.type === "verwijzingen") {
        values[field.name] = Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'),
          function (box) { return box.checked; }).map(function (box) { return box.value; });
      } else {
        var control = form.elements.namedItem(name);
        values[field.name] = control ? control.value : "";
      }
      if (field.new_fields && field.new_fields.length) {
        values[field.name + "." + NEW] = Array.prototype.filter.call(
          form.querySelectorAll('fieldset[data-veld^="' + name + "." + NEW + '."]'), function (set) { return !set.hidden; }
        ).map(function (set) { return readValues(form, field.new_fields, set.getAttribute("data-veld") + "."); });
      }
    });
    return values;
  }

  function controlOf(name) {
    var el = document.getElementById("veld-" + name.replace(/\./g, "-"));
    if (el && el.tagName === "FIELDSET") return el.querySelector("input, select, textarea") || el;
    return el;
  }

  function showProblems(form, data, problems) {
    Array.prototype.forEach.call(form.querySelectorAll(".kb-fout"), function (p) { p.hidden = true; p.textContent = ""; });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) { el.removeAttribute("aria-invalid"); });
    var summary = document.getElementById("kb-foutlijst");
    summary.textContent = "";
    if (!problems.length) { summary.hidden = true; return; }
    var heading = document.createElement("h2");
    heading.textContent = problems.length === 1 ? say(data, "form-een-ding") : say(data, "form-dingen", { count: problems.length });
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      var id = "veld-" + problem.field.replace(/\./g, "-");
      var message = document.getElementById(id + "-fout");
      if (message) {
        message.textContent = message.hidden ? problem.message : message.textContent + " " + problem.message;
        message.hidden = false;
      }
      var target = document.getElementById(id);
      if (target) {
        target.setAttribute("aria-invalid", "true");
        var described = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        if (described.indexOf(id + "-fout") < 0) described.push(id + "-fout");
        target.setAttribute("aria-describedby", described.join(" "));
      }
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + id;
      link.textContent = problem.message;
      link.addEventListener("click", function (event) {
        var control = controlOf(problem.field);
        if (control) { event.preventDefault(); control.focus(); }
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.appendChild(heading);
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  }

  /** "Andere bron": show the first new-source block; "Nog een nieuwe bron" the next one. */
  function setUpNewSources(form) {
    Array.prototype.forEach.call(form.querySelectorAll("input[data-nieuw]"), function (box) {
      var first = document.getElementById(box.getAttribute("aria-controls"));
      box.setAttribute("aria-expanded", "false");
      box.addEventListener("change", function () {
        var sets = form.querySelectorAll('fieldset[data-veld^="' + box.getAttribute("data-nieuw") + "." + NEW + '."]');
        if (box.checked) { first.hidden = false; }
        else { Array.prototype.forEach.call(sets, function (set) { set.hidden = true; }); }
        box.setAttribute("aria-expanded", String(box.checked));
        if (box.checked) { var input = first.querySelector("input, textarea, select"); if (input) input.focus(); }
      });
    });
    Array.prototype.forEach.call(form.querySelectorAll("button[data-volgende]"), function (button) {
      button.addEventListener("click", function () {
        var next = document.getElementById(button.getAttribute("data-volgende"));
        next.hidden = false;
        button.hidden = true;
        var input = next.querySelector("input, textarea, select");
        if (input) input.focus();
      });
    });
  }

  function copy(text, done) {
    var area = document.getElementById("kb-tekst");
    function fallback() {
      area.focus(); area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  function init() {
    var form = document.getElementById("kb-formulier");
    var source = document.getElementById("kb-formulier-gegevens");
    if (!form || !source) return;
    var data = JSON.parse(source.textContent);
    Array.prototype.forEach.call(form.querySelectorAll('input[type="date"]'), function (input) {
      if (/laatst_gecontroleerd$/.test(input.name) && !input.value) input.value = today();
    });
    setUpNewSources(form);
    var result = document.getElementById("kb-resultaat");
    var yaml = "";
    document.getElementById("kb-kopieer").addEventListener("click", function () {
      copy(yaml, function (ok) {
        document.getElementById("kb-gekopieerd").textContent = say(data, ok ? "form-gekopieerd" : "form-niet-gekopieerd");
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = readValues(form, data.fields, "");
      var problems = check(data, values);
      showProblems(form, data, problems);
      if (problems.length) { result.hidden = true; return; }
      yaml = buildYaml(data, values);
      var fits = fitsInUrl(data, values);
      document.getElementById("kb-bestandsnaam").textContent = fileName(data, values);
      document.getElementById("kb-yaml").textContent = yaml;
      document.getElementById("kb-tekst").value = yaml;
      document.getElementById("kb-gekopieerd").textContent = "";
      document.getElementById("kb-kort").hidden = !fits;
      document.getElementById("kb-lang").hidden = fits;
      document.getElementById("kb-bekijk").hidden = !fits;
      document.getElementById("kb-naar-github").href = fits ? newFileUrl(data, values) : "#";
      document.getElementById("kb-lege-pagina").href = emptyFileUrl(data, values);
      result.hidden = false;
      result.focus();
    });
  }

  init();
})();
