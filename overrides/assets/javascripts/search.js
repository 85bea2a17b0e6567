// The search page: runs Pagefind (bundled with the site, no other host) on the form's query and
// filters, keeps them in the address (?q=…&region=…) so a search survives reload and can be
// shared, carries them over to the other language's search page through the language switch
// (filter values are language-neutral keys), draws each result as the listing card it is, and
// announces the result count through the form's live status line. On a phone the filters fold
// behind one button so the results come right after the query.
(function () {
  "use strict";

  var root = document.querySelector("[data-tori-search]");
  if (!root) return;
  var config = JSON.parse(root.getAttribute("data-tori-search"));
  var strings = config.strings;
  var form = root.querySelector("form");
  var input = form.elements.q;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var status = root.querySelector("[role=status]");
  var list = root.querySelector("ol");
  var more = root.querySelector(".tori-finder__more");
  var toggle = root.querySelector(".tori-finder__toggle");
  var filters = root.querySelector(".tori-finder__filters");
  var languageSwitch = document.querySelector("a.tori-switch");
  var switchBase = languageSwitch ? languageSwitch.getAttribute("href").split("?")[0] : null;
  var siteRoot = new URL(config.root, document.baseURI);
  var narrow = window.matchMedia("(max-width: 44.9375em)");
  var PAGE_SIZE = 10;
  var pagefind = null;
  var current = { results: [], shown: 0, token: 0 };
  var typingTimer = null;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) {
      return String(values[name]);
    });
  }

  function numberText(count) {
    return count.toLocaleString(config.lang === "sv" ? "sv-FI" : "fi-FI");
  }

  function load() {
    if (!pagefind) {
      var url = new URL(config.bundle + "pagefind.js", document.baseURI).href;
      pagefind = import(url).then(function (module) {
        // Searching on the main thread saves the worker script's download; one query is short.
        return module.options({ noWorker: true, excerptLength: 24 }).then(function () {
          return module.init();
        }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  // The form's state as query parameters, leaving out empty fields so links stay short.
  function stateParams() {
    var params = new URLSearchParams();
    var q = input.value.trim();
    if (q) params.set("q", q);
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
    });
    return params;
  }

  function restoreFromAddress() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      select.value = known ? wanted : "";
    });
  }

  function saveToAddress(params) {
    var search = params.toString();
    // The other language's search page takes the same keys: the switch keeps the search.
    if (languageSwitch) languageSwitch.href = switchBase + (search ? "?" + search : "");
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  function filtersOf(params) {
    var filters = {};
    selects.forEach(function (select) {
      if (params.has(select.name)) filters[select.name] = params.get(select.name);
    });
    return filters;
  }

  function run() {
    var params = stateParams();
    saveToAddress(params);
    updateToggle();
    var token = ++current.token;
    var q = params.get("q");
    var filters = filtersOf(params);
    if (!q && Object.keys(filters).length === 0) {
      show(token, [], strings.prompt);
      return;
    }
    status.textContent = strings.loading;
    root.setAttribute("aria-busy", "true");
    load()
      .then(function (module) {
        // Without a query Pagefind lists every story that passes the filters.
        return module.search(q || null, { filters: filters });
      })
      .then(function (search) {
        if (token !== current.token) return;
        show(token, search.results, statusText(search.results.length, PAGE_SIZE));
      })
      .catch(function (error) {
        if (token !== current.token) return;
        console.error(error);
        show(token, [], strings.error);
      });
  }

  function show(token, results, message) {
    current.results = results;
    current.shown = 0;
    list.textContent = "";
    more.hidden = true;
    root.removeAttribute("aria-busy");
    status.textContent = message;
    if (results.length) showMore(token, false);
  }

  function showMore(token, moveFocus) {
    var slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += slice.length;
    Promise.all(slice.map(function (result) { return result.data(); })).then(function (items) {
      if (token !== current.token) return;
      var first = null;
      items.forEach(function (item) {
        var li = renderResult(item);
        first = first || li;
        list.appendChild(li);
      });
      var total = current.results.length;
      more.hidden = current.shown >= total;
      if (moveFocus && first) {
        status.textContent = statusText(total, current.shown);
        first.querySelector("a").focus();
      }
    });
  }

  // "12 found." or, when only part is listed, "40 found. Showing 10/40."
  function statusText(count, shown) {
    if (count === 0) return strings.none;
    var found = count === 1 ? strings.one : format(strings.many, { count: numberText(count) });
    if (count <= shown) return found;
    return found + " " + format(strings.shown, {
      shown: numberText(shown), count: numberText(count)
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The same markup as the listing card (overrides/tori/macros.html), from the card fields the
  // record carries; every story text goes in as text, never as markup.
  function renderResult(item) {
    var card = JSON.parse(item.meta.card);
    var li = element("li", "tori-finder__result");
    var article = element("article", "tori-card");
    var heading = element("h2", "tori-card__title");
    var link = element("a", "", card.title);
    link.href = new URL(card.url, siteRoot).href;
    if (card.foreign) {
      link.hreflang = card.story_lang;
      link.lang = card.story_lang;
    }
    heading.appendChild(link);
    article.appendChild(heading);
    if (card.foreign) {
      var langBadges = element("p", "tori-badges");
      langBadges.appendChild(element("span", "tori-badge tori-badge--lang",
                                     strings.in_other_language));
      article.appendChild(langBadges);
    }
    var summary = element("p", "tori-card__summary", card.summary);
    if (card.foreign) summary.lang = card.story_lang;
    article.appendChild(summary);
    var meta = element("p", "tori-card__meta");
    var organisation = element("span", "", card.organisation);
    if (card.foreign) organisation.lang = card.story_lang;
    meta.appendChild(organisation);
    var parts = card.places ? [card.places] : [];
    parts.forEach(function (part) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(dot());
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(element("span", "", part));
    });
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(dot());
    meta.appendChild(document.createTextNode(" "));
    var time = element("time", "", card.date_text);
    time.dateTime = card.date;
    meta.appendChild(time);
    article.appendChild(meta);
    if (card.awards.length) {
      var awards = element("p", "tori-badges");
      card.awards.forEach(function (award) {
        awards.appendChild(element("span", "tori-badge tori-badge--award",
                                   award.kind_label + ": " + award.name));
      });
      article.appendChild(awards);
    }
    li.appendChild(article);
    return li;
  }

  function dot() {
    var node = element("span", "", "·");
    node.setAttribute("aria-hidden", "true");
    return node;
  }

  // On a phone the filters start folded; the button says how many are chosen.
  function updateToggle() {
    if (!toggle) return;
    var chosen = selects.filter(function (select) { return select.value; }).length;
    toggle.textContent = chosen ? format(strings.toggle_count, { count: chosen }) : strings.toggle;
  }

  function fold(folded) {
    filters.hidden = folded;
    toggle.setAttribute("aria-expanded", folded ? "false" : "true");
  }

  function setUpToggle() {
    toggle.hidden = false;
    fold(narrow.matches);
    toggle.addEventListener("click", function () {
      fold(!filters.hidden);
      if (!filters.hidden) selects[0].focus();
    });
    narrow.addEventListener("change", function (event) {
      fold(event.matches);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    run();
  });
  input.addEventListener("input", function () {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(run, 300);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", run);
  });
  more.addEventListener("click", function () {
    showMore(current.token, true);
  });
  form.querySelector(".tori-finder__clear a").addEventListener("click", function (event) {
    event.preventDefault();
    input.value = "";
    selects.forEach(function (select) { select.value = ""; });
    run();
    input.focus();
  });

  restoreFromAddress();
  setUpToggle();
  run();
})();
