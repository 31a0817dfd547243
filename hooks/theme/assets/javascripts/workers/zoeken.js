/*
 * Search worker: Material's own worker plus Dutch stemming of the query.
 *
 * Material appends "*" to every search term for type-ahead, and lunr skips the
 * stemmer for terms with a wildcard. So the index is built without the stemmer
 * (mkdocs.yml: search pipeline [stopWordFilter, trimmer]) and this wrapper adds,
 * for every "word*" in a query, the Dutch stem as a second prefix term: "ouders"
 * also finds "ouder", "jongere" also finds "jongeren", "pleegouders" "pleegouder".
 *
 * MATERIAL_WORKER is the file name in Material 9.8.1's base.html (block config);
 * tests/test_search.py fails if an upgrade renames it.
 * Runs as a real worker and, in the offline zip, inside the iframe-worker shim
 * (where importScripts returns a promise and relative URLs resolve against the page).
 */
var MATERIAL_WORKER = "search.a7633da7.min.js";

(function () {
  "use strict";

  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href;

  function addStems() {
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (build) {
      return query.call(this, function (q) {
        build.call(q, q);
        var stem = lunr.nl && lunr.nl.stemmer;
        if (!stem) return;
        var extra = [];
        q.clauses.forEach(function (clause) {
          if (clause.usePipeline || !/^[^*]+\*$/.test(clause.term)) return;
          var word = clause.term.slice(0, -1);
          var root = stem(new lunr.Token(word)).toString();
          if (root && root !== word) {
            extra.push({
              term: root,
              fields: clause.fields,
              boost: clause.boost,
              usePipeline: false,
              wildcard: lunr.Query.wildcard.TRAILING,
              presence: lunr.Query.presence.OPTIONAL
            });
          }
        });
        extra.forEach(function (clause) { q.clause(clause); });
      });
    };
  }

  Promise.resolve(importScripts(new URL(MATERIAL_WORKER, here).href)).then(addStems);
})();
