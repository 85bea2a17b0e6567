// The search page: runs Pagefind (bundled with the site, no other host) on the form's query and
// filters, keeps them in the address (?q=…&region=…) so a search survives reload and can be
// shared, and announces the result count through the form's live status line.
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

  function renderResult(item) {
    var li = document.createElement("li");
    li.className = "tori-finder__result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.meta.title || item.url;
    heading.appendChild(link);
    li.appendChild(heading);
    var excerpt = document.createElement("p");
    // Pagefind escapes the page text and marks the matched words with <mark>.
    excerpt.innerHTML = item.excerpt;
    if (!excerpt.textContent.trim() && item.meta.summary) excerpt.textContent = item.meta.summary;
    li.appendChild(excerpt);
    if (item.meta.date) {
      var date = document.createElement("p");
      date.className = "tori-finder__date";
      var time = document.createElement("time");
      time.dateTime = item.meta.date;
      time.textContent = new Date(item.meta.date + "T12:00:00").toLocaleDateString(
        config.lang === "sv" ? "sv-FI" : "fi-FI"
      );
      date.appendChild(time);
      li.appendChild(date);
    }
    return li;
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
  run();
})();
