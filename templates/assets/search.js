/* Offline full-text search over the index Gongshi writes to search/ at build time.
   Tokens: each Han character, each pair of adjacent Han characters, each ASCII word (lowercase);
   these rules match SearchIndexBuilder.tokens in the generator. Only the index shards holding the
   query's tokens are downloaded. No external code. */
(function () {
  "use strict";
  var MAX_RESULTS = 50;
  var SNIPPETS = 10;

  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x2FA1F) || c === 0x3007;
  }
  function normalize(c) {
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) { return c - 0xFEE0; }
    return c;
  }
  /* The query's tokens: bigrams for Han runs of two or more (a single character alone), words for ASCII. */
  function queryTokens(text) {
    var tokens = [], run = [], word = "";
    function endRun() {
      if (run.length === 1) { tokens.push(run[0]); }
      for (var i = 1; i < run.length; i++) { tokens.push(run[i - 1] + run[i]); }
      run = [];
    }
    function endWord() { if (word) { tokens.push(word); word = ""; } }
    for (var ch of text) {
      var c = normalize(ch.codePointAt(0));
      if (isHan(c)) { endWord(); run.push(String.fromCodePoint(c)); }
      else if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)) { endRun(); word += String.fromCharCode(c); }
      else if (c >= 0x41 && c <= 0x5A) { endRun(); word += String.fromCharCode(c + 32); }
      else { endRun(); endWord(); }
    }
    endRun(); endWord();
    return tokens.filter(function (t, i) { return tokens.indexOf(t) === i; });
  }
  function shardOf(token, shards) {
    var bytes = new TextEncoder().encode(token), h = 0x811C9DC5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h % shards;
  }
  function decode(list) {
    var ids = [], id = 0, parts = list.split(",");
    for (var i = 0; i < parts.length; i++) { id += parseInt(parts[i], 36); ids.push(id); }
    return ids;
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) { i++; } else { j++; }
    }
    return out;
  }
  function getJSON(url) {
    return fetch(url).then(function (r) { if (!r.ok) { throw new Error(url + " " + r.status); } return r.json(); });
  }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  /* Appends `text` to `parent`, wrapping every occurrence of a query term in <mark> (text nodes only, never HTML). */
  function highlight(parent, text, terms) {
    var lower = text.toLowerCase(), pos = 0;
    while (pos < text.length) {
      var best = -1, bestLen = 0;
      for (var i = 0; i < terms.length; i++) {
        var at = lower.indexOf(terms[i], pos);
        if (at >= 0 && (best < 0 || at < best || (at === best && terms[i].length > bestLen))) { best = at; bestLen = terms[i].length; }
      }
      if (best < 0) { parent.appendChild(document.createTextNode(text.slice(pos))); break; }
      if (best > pos) { parent.appendChild(document.createTextNode(text.slice(pos, best))); }
      parent.appendChild(el("mark", "", text.slice(best, best + bestLen)));
      pos = best + bestLen;
    }
  }
  function snippet(text, terms) {
    var flat = text.replace(/\s+/g, " ").trim(), lower = flat.toLowerCase(), at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) { at = lower.indexOf(terms[i]); }
    if (at < 0) { return flat.slice(0, 120); }
    var start = Math.max(0, at - 50);
    return (start > 0 ? "…" : "") + flat.slice(start, at + 90) + (at + 90 < flat.length ? "…" : "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search-results");
    if (!box) { return; }
    var root = box.getAttribute("data-root") || "../";
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var input = document.getElementById("search-q");
    if (input) { input.value = query; }
    var headerInput = document.getElementById("site-search-q");
    if (headerInput) { headerInput.value = query; }
    query = query.trim();
    if (!query) { box.appendChild(el("p", "", "请输入要查找的词语。")); return; }
    var tokens = queryTokens(query);
    if (!tokens.length) { box.appendChild(el("p", "", "没有可搜索的文字，请换个关键词。")); return; }
    var terms = query.toLowerCase().split(/[\s,，。、；;:：]+/).filter(function (t) { return t; });
    box.appendChild(el("p", "search-status", "正在搜索……"));

    getJSON(root + "search/meta.json").then(function (meta) {
      var shards = {};
      tokens.forEach(function (t) { shards[shardOf(t, meta.shards)] = true; });
      return Promise.all(Object.keys(shards).map(function (n) {
        return getJSON(root + "search/index/" + n + ".json").then(function (data) { return [n, data]; });
      })).then(function (loaded) {
        var byShard = {};
        loaded.forEach(function (pair) { byShard[pair[0]] = pair[1]; });
        var ids = null;
        for (var i = 0; i < tokens.length; i++) {
          var list = byShard[shardOf(tokens[i], meta.shards)][tokens[i]];
          ids = list ? (ids === null ? decode(list) : intersect(ids, decode(list))) : [];
          if (!ids.length) { break; }
        }
        var total = ids.length;
        ids = ids.slice(0, MAX_RESULTS);
        var chunks = {};
        ids.forEach(function (id) { chunks[Math.floor(id / meta.chunk)] = true; });
        return Promise.all(Object.keys(chunks).map(function (c) {
          return getJSON(root + "search/docs/" + c + ".json").then(function (docs) { return [c, docs]; });
        })).then(function (loadedDocs) {
          var docs = {};
          loadedDocs.forEach(function (pair) { docs[pair[0]] = pair[1]; });
          return { total: total, results: ids.map(function (id) { return docs[Math.floor(id / meta.chunk)][id % meta.chunk]; }) };
        });
      });
    }).then(function (found) {
      box.textContent = "";
      var status = found.total === 0 ? "没有找到包含“" + query + "”的通知。"
        : "找到 " + found.total + " 篇包含“" + query + "”的通知" + (found.total > found.results.length ? "，显示最新的 " + found.results.length + " 篇。" : "。");
      box.appendChild(el("p", "search-status", status));
      if (!found.total) {
        var p = el("p", "", "您也可以");
        var a = el("a", "", "按年份、发布单位和栏目浏览全部通知");
        a.href = root + "archives/";
        p.appendChild(a);
        box.appendChild(p);
        return;
      }
      var list = el("ol", "search-result-list");
      found.results.forEach(function (doc, i) {
        var item = el("li", "search-result");
        var heading = el("h2", "search-result-title");
        var link = el("a");
        link.href = root + doc[1];
        highlight(link, doc[0], terms);
        heading.appendChild(link);
        item.appendChild(heading);
        item.appendChild(el("p", "notice-meta", doc[3] + " · " + doc[2]));
        var excerpt = el("p", "search-result-snippet");
        item.appendChild(excerpt);
        list.appendChild(item);
        if (i < SNIPPETS) {
          fetch(root + doc[1]).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
            var page = new DOMParser().parseFromString(html, "text/html");
            var body = page.querySelector(".notice-body");
            if (body) { highlight(excerpt, snippet(body.textContent, terms), terms); }
          }).catch(function () { /* the title link is enough */ });
        }
      });
      box.appendChild(list);
    }).catch(function () {
      box.textContent = "";
      box.appendChild(el("p", "search-status", "搜索索引无法加载。请通过网站地址（而不是直接打开本地文件）访问本页，或按归档浏览。"));
    });
  });
})();
