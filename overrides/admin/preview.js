// The preview pane: the story as its page on the site shows it (title, lead, image, facts box
// with the terms' labels, body), drawn with the site's own stylesheets.
(function () {
  "use strict";
  var data = { labels: { fi: {}, sv: {} }, terms: {} };
  var KINDS = ["municipalities", "regions", "sectors", "categories", "client_groups", "awards"];

  function list(value) {
    if (!value) return [];
    var items = typeof value.toJS === "function" ? value.toJS() : value;
    return Array.isArray(items) ? items : [items];
  }

  function dateText(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value || ""));
    return m ? Number(m[3]) + "." + Number(m[2]) + "." + m[1] : "";
  }

  function termLabel(kind, key, lang) {
    var term = (data.terms[kind] || {})[key];
    return term ? term[lang] : key;
  }

  function languageOf(collection, uiLang) {
    var name = collection.get("name");
    return name === "stories_sv" ? "sv" : name === "stories_fi" ? "fi" : uiLang;
  }

  function storyPreview(uiLang) {
    return window.createClass({
      // The preview is a document of its own (an iframe): give it a language and a title.
      describeFrame: function () {
        var root = this.root;
        if (!root) return;
        var doc = root.ownerDocument;
        var lang = languageOf(this.props.collection, uiLang);
        doc.documentElement.lang = lang;
        doc.title = (lang === "sv" ? "Förhandsvisning: " : "Esikatselu: ") +
          (this.props.entry.getIn(["data", "title"]) || "");
      },
      componentDidMount: function () { this.describeFrame(); },
      componentDidUpdate: function () { this.describeFrame(); },
      render: function () {
        var self = this;
        var h = window.h;
        var entry = this.props.entry;
        var lang = languageOf(this.props.collection, uiLang);
        var t = data.labels[lang] || {};
        var get = function (name) { return entry.getIn(["data", name]); };
        var facts = [];
        function fact(label, text) {
          facts.push(h("dt", { key: "t" + facts.length }, label));
          facts.push(h("dd", { key: "d" + facts.length }, text));
        }
        if (get("organisation")) fact(t.organisation, get("organisation"));
        KINDS.forEach(function (kind) {
          var keys = list(get(kind));
          if (keys.length) {
            fact(t[kind] || kind, keys.map(function (k) { return termLabel(kind, k, lang); })
              .join(", "));
          }
        });
        if (get("date")) fact(t.published, dateText(get("date")));
        if (get("updated")) fact(t.updated, dateText(get("updated")));
        var image = get("image");
        var asset = image ? this.props.getAsset(image) : null;
        return h("div", { className: "md-typeset tori-preview", lang: lang, style: { padding: "0 1rem" },
                          ref: function (el) { self.root = el; } },
          h("h1", {}, get("title") || ""),
          h("p", { className: "tori-lead" }, get("summary") || ""),
          asset ? h("figure", { className: "tori-figure" },
            h("img", { src: asset.toString(), alt: get("image_alt") || "" })) : null,
          h("aside", { className: "tori-facts", "aria-labelledby": "tori-facts-title" },
            h("h2", { id: "tori-facts-title" }, t.facts),
            h("dl", {}, facts)),
          h("div", { className: "tori-body" }, this.props.widgetFor("body")));
      }
    });
  }

  window.toriRegisterPreviews = function (CMS, uiLang) {
    fetch("preview.json").then(function (r) { return r.json(); }).then(function (loaded) {
      data = loaded;
    });
    ["stories", "stories_fi", "stories_sv"].forEach(function (name) {
      CMS.registerPreviewTemplate(name, storyPreview(uiLang));
    });
  };
})();
