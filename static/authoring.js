/* The editor's live try panel: what the author types is graded against the draft rubric as they type.
   Every change to the form (answer or rubric) is sent, debounced, to the try endpoint with the CSRF header;
   the reply's evidence offsets are code points into the answer. Everything shown is built with textContent. */
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) { return; }
  var url = form.getAttribute("data-try-url");
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";
  var stringsEl = document.getElementById("try-strings");
  function t(name) { return stringsEl ? (stringsEl.getAttribute("data-" + name) || name) : name; }
  function titled(node, title) { node.setAttribute("title", title); node.setAttribute("aria-label", title); return node; }
  var DELAY = 350;
  var timers = new WeakMap();
  var sequence = new WeakMap();

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function fmt(n) { return (Math.round(Number(n) * 100) / 100).toString(); }

  function partIdOf(panel) {
    var box = panel.closest(".au-part");
    if (box) {
      var input = box.querySelector(".part-id");
      return input ? input.value.trim() : "";
    }
    var yamlId = form.querySelector(".try-part-id");
    return yamlId ? yamlId.value.trim() : (panel.getAttribute("data-part") || "");
  }

  /* The answer cut into pieces, earned evidence marked: [start, end) in code points. */
  function highlighted(text, points) {
    var chars = Array.from(text);
    var marks = new Array(chars.length);
    points.forEach(function (p) {
      if (!p.earned) { return; }
      (p.evidence || []).forEach(function (span) {
        for (var i = Math.max(0, span[0]); i < Math.min(chars.length, span[1]); i++) {
          marks[i] = (marks[i] ? marks[i] + " " : "") + p.id;
        }
      });
    });
    var box = el("div", "answer-text try-answer-text");
    var i = 0;
    while (i < chars.length) {
      var j = i;
      while (j < chars.length && marks[j] === marks[i]) { j++; }
      var piece = chars.slice(i, j).join("");
      if (marks[i]) {
        var m = el("mark", null, piece);
        m.setAttribute("data-points", marks[i]);
        box.appendChild(m);
      } else {
        box.appendChild(document.createTextNode(piece));
      }
      i = j;
    }
    return box;
  }

  function showResult(panel, reply) {
    var out = panel.querySelector(".try-result");
    var samplesBox = panel.querySelector(".try-samples");
    out.textContent = "";
    samplesBox.textContent = "";
    var r = reply.result;
    var line = el("p", "score-line");
    line.appendChild(el("span", null, t("score") + " "));
    line.appendChild(el("strong", "try-score", fmt(r.score)));
    line.appendChild(el("span", null, " / " + fmt(r.max) + " " + t("pts")));
    out.appendChild(line);
    if (reply.problems && reply.problems.length) {  /* what saving would refuse: the author sees it while trying */
      var problems = el("ul", "error try-problems");
      reply.problems.forEach(function (text) { problems.appendChild(el("li", null, text)); });
      out.appendChild(problems);
    }
    if (r.error) { out.appendChild(el("p", "error", t("error") + ": " + r.error)); }
    if (r.flags && r.flags.length) {
      var flags = el("p", "try-flags", t("flags") + ": ");
      r.flags.forEach(function (f) {  // the grader's code in the page's language (an unknown one as it is)
        var tag = el("span", "tag review", stringsEl && stringsEl.hasAttribute("data-flag-" + f) ? t("flag-" + f) : f);
        tag.setAttribute("data-flag", f);
        flags.appendChild(tag);
      });
      out.appendChild(flags);
    }
    if (r.reasons && r.reasons.length) {
      out.appendChild(el("p", "try-reasons meta", t("reasons") + ": " + r.reasons.join("；")));
    }
    if (reply.answer) { out.appendChild(highlighted(reply.answer, r.points)); }
    var list = el("ul", "keypoints");
    r.points.forEach(function (p) {
      var li = el("li", p.earned ? "earned" : "missed");
      li.setAttribute("data-point", p.id);
      li.appendChild(el("span", "kp-mark", p.earned ? "✓" : "✗"));
      li.appendChild(el("span", "kp-text", p.text || p.id));
      li.appendChild(el("span", "kp-points", fmt(p.earned) + "/" + fmt(p.points) + " " + t("pts")));
      if (p.fuzzy) { li.appendChild(titled(el("span", "tag", "~"), t("fuzzy"))); }
      if (p.negated) { li.appendChild(titled(el("span", "tag bad", "¬"), t("negated"))); }
      if (p.gist) { li.appendChild(titled(el("span", "tag", "≈"), t("gist"))); }
      list.appendChild(li);
    });
    out.appendChild(list);
    if (r.order) { out.appendChild(el("p", "meta", t("order") + ": " + fmt(r.order.earned) + "/" + fmt(r.order.max))); }
    out.setAttribute("data-state", "graded");
    if (reply.samples && reply.samples.length) {
      samplesBox.appendChild(el("h4", null, t("samples")));
      var ul = el("ul", "try-sample-list");
      reply.samples.forEach(function (s) {
        var li = el("li", s.ok ? "sample-ok" : "sample-drift");
        li.setAttribute("data-sample", s.index);
        li.appendChild(el("span", "sample-score", fmt(s.score) + " (" + t("expected") + " " + fmt(s.expect) + " ± " + fmt(s.tolerance) + ") "));
        li.appendChild(el("span", "tag " + (s.ok ? "ok" : "bad"), s.ok ? t("ok") : t("drift")));
        li.appendChild(el("span", "sample-answer", " " + s.answer));
        ul.appendChild(li);
      });
      samplesBox.appendChild(ul);
    }
  }

  function send(panel) {
    var partId = partIdOf(panel);
    var answer = panel.querySelector(".try-answer").value;
    var out = panel.querySelector(".try-result");
    if (!partId) {  /* a new part with no ID yet: nothing to grade, and the panel says why */
      out.textContent = "";
      out.appendChild(el("p", "meta try-no-part", t("no-part")));
      out.setAttribute("data-state", "idle");
      return;
    }
    var data = new FormData(form);
    data.set("try_part", partId);
    data.set("try_answer", answer);
    var n = (sequence.get(panel) || 0) + 1;
    sequence.set(panel, n);
    out.setAttribute("data-state", "grading");
    if (!out.querySelector(".score-line")) {  /* nothing graded yet (the first try may take seconds): say so */
      out.textContent = "";
      out.appendChild(el("p", "meta try-grading", t("grading")));
    }
    fetch(url, { method: "POST", body: data, credentials: "same-origin",
                 headers: { "X-CSRFToken": token, "Accept": "application/json" } })
      .then(function (response) { return response.json().then(function (body) { return [response.ok, body]; }); })
      .then(function (pair) {
        if (sequence.get(panel) !== n) { return; } /* a newer request is on its way */
        if (!pair[0]) {
          out.textContent = "";
          out.appendChild(el("p", "error", pair[1].message || t("error")));
          out.setAttribute("data-state", "failed");
          return;
        }
        showResult(panel, pair[1]);
      })
      .catch(function () {
        if (sequence.get(panel) !== n) { return; }
        out.textContent = t("error");
        out.setAttribute("data-state", "failed");
      });
  }

  function schedule(panel) {
    clearTimeout(timers.get(panel));
    timers.set(panel, setTimeout(function () { send(panel); }, DELAY));
  }

  function panelsToRefresh(target) {
    var panel = target.closest(".try-panel");
    if (panel) { return [panel]; }
    var part = target.closest(".au-part");
    var scope = part || form;
    return Array.prototype.filter.call(scope.querySelectorAll(".try-panel"), function (p) {
      return p.querySelector(".try-answer").value.trim() !== "" || p.querySelector(".try-samples").childNodes.length;
    });
  }

  form.addEventListener("input", function (event) {
    panelsToRefresh(event.target).forEach(schedule);
  });
})();

/* The paper editor's "Add a section": a copy of the empty section at the end, with the next number, so that a paper
   of four sections is not saved four times to get them. Without script the page says to save and add. */
(function () {
  "use strict";
  var button = document.getElementById("add-section");
  if (!button) { return; }
  var MAX = 20;  /* app/authoring/papers_admin.MAX_SECTIONS */
  var note = document.getElementById("save-to-add");
  if (note) { note.hidden = true; }
  button.hidden = false;
  function sections() { return document.querySelectorAll("fieldset.au-section[data-section]"); }
  function refresh() { button.hidden = sections().length >= MAX; }
  button.addEventListener("click", function () {
    var all = sections();
    var last = all[all.length - 1];
    var next = 0;
    Array.prototype.forEach.call(all, function (s) { next = Math.max(next, Number(s.getAttribute("data-section")) + 1); });
    var copy = last.cloneNode(true);
    var from = "section-" + last.getAttribute("data-section") + "-";
    copy.setAttribute("data-section", String(next));
    Array.prototype.forEach.call(copy.querySelectorAll("[name]"), function (field) {
      field.name = field.name.replace(from, "section-" + next + "-");
      if (field.type === "radio") { field.checked = field.value === "fixed"; }
      else if (field.tagName === "SELECT") { field.selectedIndex = 0; }
      else { field.value = ""; }
    });
    Array.prototype.forEach.call(copy.querySelectorAll(".field-error"), function (e) { e.remove(); });
    last.parentNode.insertBefore(copy, last.nextSibling);
    var title = copy.querySelector("input[name$='-title']");
    if (title) { title.focus(); }
    refresh();
  });
  refresh();
})();
