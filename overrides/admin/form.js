// Starts Decap CMS in the editor's language: ?lang=, then the editor's earlier choice, then the
// browser's languages; Finnish otherwise. Swedish uses config.sv.yml (the same form, Swedish
// labels). No inline script, so the page's Content-Security-Policy can forbid inline code.
(function () {
  "use strict";
  var LANGS = ["fi", "sv"];
  var KEY = "tori-form-lang";
  var TITLES = { fi: "Tarinalomake – Tekojen tori", sv: "Berättelseformulär – Framstegsarenan" };

  function chosenLanguage() {
    var asked = new URLSearchParams(window.location.search).get("lang");
    if (LANGS.indexOf(asked) >= 0) {
      try { window.localStorage.setItem(KEY, asked); } catch (e) { /* private mode */ }
      return asked;
    }
    var stored = null;
    try { stored = window.localStorage.getItem(KEY); } catch (e) { /* private mode */ }
    if (LANGS.indexOf(stored) >= 0) return stored;
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).slice(0, 2).toLowerCase();
      if (LANGS.indexOf(code) >= 0) return code;
    }
    return "fi";
  }

  function merge(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (k) { out[k] = base[k]; });
    Object.keys(extra).forEach(function (k) {
      var both = out[k] && typeof out[k] === "object" && typeof extra[k] === "object";
      out[k] = both ? merge(out[k], extra[k]) : extra[k];
    });
    return out;
  }

  var lang = chosenLanguage();
  var me = document.currentScript;
  document.documentElement.lang = lang;
  document.title = TITLES[lang];
  document.querySelectorAll("[data-tori-lang]").forEach(function (link) {
    if (link.getAttribute("data-tori-lang") === lang) link.setAttribute("aria-current", "true");
  });
  var statement = document.querySelector("[data-tori-statement-sv]");
  if (statement && lang === "sv") {
    statement.href = statement.getAttribute("data-tori-statement-sv");
    statement.textContent = statement.getAttribute("data-tori-statement-sv-text");
  }
  var config = document.createElement("link");
  config.rel = "cms-config-url";
  config.type = "text/yaml";
  config.href = lang === "fi" ? "config.yml" : "config." + lang + ".yml";
  document.head.appendChild(config);

  window.CMS_MANUAL_INIT = true;
  var decap = document.createElement("script");
  decap.src = "decap-cms.js";
  decap.onload = function () {
    var CMS = window.CMS;
    CMS.registerLocale("fi", window.TORI_LOCALES.fi);
    CMS.registerLocale("sv", merge(CMS.getLocale("sv"), window.TORI_LOCALES.sv));
    JSON.parse(me.getAttribute("data-styles")).forEach(function (href) {
      CMS.registerPreviewStyle(href);
    });
    window.toriRegisterPreviews(CMS, lang);
    CMS.init();
  };
  document.body.appendChild(decap);
})();
