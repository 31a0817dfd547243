/* The form "Organisatie of voorbeeld toevoegen" (pages under /bijdragen/).
 *
 * The page holds a plain HTML form and, in <script id="kb-formulier-gegevens">, the field list
 * generated from the JSON Schema (hooks/kennisbank/contribute_form.py). This script checks the
 * answers, turns them into the YAML file the catalogue expects, and links to GitHub's "new file"
 * page with the file name and content filled in. Nothing is sent anywhere until the user follows
 * that link.
 *
 * The pure functions (slugify, check, buildYaml, newFileUrl) have no DOM access, so the tests run
 * them under node (tests/test_contribute_form.py).
 */
(function () {
  "use strict";

  var PLAIN = /^[\p{L}\p{N}][^\n:#]*$/u;
  var RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
  var URL = /^https?:\/\/[^\s/?#<>"']+\.[^\s<>"']+$/;
  var DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

  /** Like python-slugify: "Stichting Één & Co" -> "stichting-een-co". */
  function slugify(text) {
    return String(text)
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/&/g, " ")
      .replace(/['\u2019]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  }

  function isDate(value) {
    if (!DATE.test(value)) return false;
    var d = new Date(value + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === value;
  }

  function isEmpty(value) {
    if (value === undefined || value === null) return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).every(function (k) { return isEmpty(value[k]); });
    return String(value).trim() === "";
  }

  function lines(value) {
    return String(value).split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean);
  }

  /** Problems with the answers, as [{field, message}] in plain Dutch; [] when all is well. */
  function check(data, values) {
    var problems = [];
    function walk(fields, vals, prefix) {
      fields.forEach(function (field) {
        var name = prefix + field.name;
        var value = vals[field.name];
        var label = "'" + field.title + "'";
        if (isEmpty(value)) {
          if (field.required) {
            var message = (field.type === "keuzes" || field.type === "verwijzingen") ? "Kies minstens één waarde bij " + label + "."
              : (field.type === "keuze" || field.type === "verwijzing") ? "Kies een waarde bij " + label + "."
              : "Vul " + label + " in.";
            problems.push({ field: name, message: message });
          }
          return;
        }
        if (field.type === "groep") { walk(field.children, value, name + "."); return; }
        var text = String(value).trim();
        if (field.type === "url" && !URL.test(text)) {
          problems.push({ field: name, message: label + " is geen geldig webadres. Begin met https://, zoals https://www.voorbeeld.nl." });
        } else if (field.type === "datum" && !isDate(text)) {
          problems.push({ field: name, message: label + " is geen bestaande datum. Schrijf jaar-maand-dag, zoals 2026-11-23." });
        } else if (field.type === "getal") {
          var n = Number(text);
          if (!/^[0-9]+$/.test(text) || (field.minimum !== null && n < field.minimum) || (field.maximum !== null && n > field.maximum)) {
            problems.push({ field: name, message: label + " moet een heel getal van " + field.minimum + " tot en met " + field.maximum + " zijn." });
          }
        } else if (field.max_length && text.length > field.max_length) {
          problems.push({ field: name, message: label + " is te lang: " + text.length + " tekens, hoogstens " + field.max_length + "." });
        } else if ((field.type === "korte_tekst") && /\n/.test(text)) {
          problems.push({ field: name, message: label + " moet op één regel." });
        }
      });
    }
    walk(data.fields, values, "");
    var title = values[data.title_field];
    if (!isEmpty(title)) {
      var slug = slugify(title);
      if (!slug) {
        problems.push({ field: data.title_field, message: "Van deze naam kan geen bestandsnaam gemaakt worden. Gebruik letters of cijfers." });
      } else if (data.taken.indexOf(slug) >= 0) {
        problems.push({ field: data.title_field, message: "Er is al een item met de bestandsnaam '" + slug + "'. Staat het er al in? Pas dan dat item aan. Is het iets anders? Kies een naam die het verschil laat zien." });
      }
    }
    return problems;
  }

  /** One YAML scalar: plain when that is safe, otherwise a JSON string (valid YAML). */
  function scalar(text, indent) {
    if (/\n/.test(text)) {
      return "|-\n" + text.split("\n").map(function (l) { return l ? indent + "  " + l : ""; }).join("\n");
    }
    if (PLAIN.test(text) && !RESERVED.test(text) && !/^[0-9]/.test(text) && !/\s$/.test(text)) return text;
    return JSON.stringify(text);
  }

  /** Normalise line breaks and drop characters a YAML file may not hold. */
  function clean(text) {
    return String(text).replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/g, "")
      .replace(/[ \t]+$/gm, "").replace(/^\n+|\s+$/g, "");
  }

  /** The YAML file for these answers, fields in schema order, empty ones left out. */
  function buildYaml(data, values) {
    var out = [data.modeline];
    function emit(fields, vals, indent) {
      fields.forEach(function (field) {
        var value = vals[field.name];
        if (isEmpty(value)) return;
        var key = indent + field.name + ":";
        if (field.type === "groep") {
          out.push(key);
          emit(field.children, value, indent + "  ");
        } else if (field.type === "keuzes" || field.type === "verwijzingen" || field.type === "teksten") {
          var items = Array.isArray(value) ? value : lines(value);
          out.push(key);
          items.forEach(function (item) { out.push(indent + "  - " + scalar(clean(item), indent + "  ")); });
        } else if (field.type === "getal") {
          out.push(key + " " + String(Number(String(value).trim())));
        } else {
          out.push(key + " " + scalar(clean(value), indent));
        }
      });
    }
    emit(data.fields, values, "");
    return out.join("\n") + "\n";
  }

  function fileName(data, values) {
    return "catalogue/" + data.folder + "/" + slugify(values[data.title_field]) + ".yml";
  }

  /** GitHub's "create new file" page with name and content filled in. */
  function newFileUrl(data, values) {
    return data.repo_url + "/new/main?filename=" + encodeURIComponent(fileName(data, values)) +
      "&value=" + encodeURIComponent(buildYaml(data, values));
  }

  var api = { slugify: slugify, check: check, buildYaml: buildYaml, newFileUrl: newFileUrl, fileName: fileName };
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
    });
    return values;
  }

  function controlOf(form, name) {
    var id = "veld-" + name.replace(/\./g, "-");
    var el = document.getElementById(id);
    if (el && el.tagName === "FIELDSET") return el.querySelector("input") || el;
    return el;
  }

  function showProblems(form, problems) {
    Array.prototype.forEach.call(form.querySelectorAll(".kb-fout"), function (p) { p.hidden = true; p.textContent = ""; });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (el) { el.removeAttribute("aria-invalid"); });
    var summary = document.getElementById("kb-foutlijst");
    summary.textContent = "";
    if (!problems.length) { summary.hidden = true; return; }
    var heading = document.createElement("h2");
    heading.textContent = problems.length === 1 ? "Er is 1 ding om te verbeteren" : "Er zijn " + problems.length + " dingen om te verbeteren";
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      var id = "veld-" + problem.field.replace(/\./g, "-");
      var message = document.getElementById(id + "-fout");
      if (message) { message.textContent = problem.message; message.hidden = false; }
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
        var control = controlOf(form, problem.field);
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

  function init() {
    var form = document.getElementById("kb-formulier");
    var source = document.getElementById("kb-formulier-gegevens");
    if (!form || !source) return;
    var data = JSON.parse(source.textContent);
    var checked = form.elements.namedItem("laatst_gecontroleerd");
    if (checked && !checked.value) checked.value = new Date().toISOString().slice(0, 10);
    var result = document.getElementById("kb-resultaat");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = readValues(form, data.fields, "");
      var problems = check(data, values);
      showProblems(form, problems);
      if (problems.length) { result.hidden = true; return; }
      document.getElementById("kb-bestandsnaam").textContent = fileName(data, values);
      document.getElementById("kb-yaml").textContent = buildYaml(data, values);
      document.getElementById("kb-naar-github").href = newFileUrl(data, values);
      result.hidden = false;
      result.focus();
    });
  }

  init();
})();
