/* The mock-exam page: autosave through the JSON API, countdown, navigator, flags, submit dialog, focus events.
 *
 * Every answer is saved as it is written (800 ms after typing stops, at once when a choice changes) with the
 * CSRF token in the X-CSRFToken header. A copy of each unsent answer is kept in localStorage and sent again
 * after a reload when the server does not have it. No dependencies, nothing fetched from elsewhere. */
(function () {
  "use strict";

  var root = document.getElementById("exam");
  if (!root) return;

  var data = JSON.parse(document.getElementById("exam-data").textContent);
  var T = JSON.parse(document.getElementById("exam-i18n").textContent);
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";
  var api = root.getAttribute("data-api");
  var resultUrl = root.getAttribute("data-result-url");
  var deadline = root.getAttribute("data-deadline") ? Date.parse(root.getAttribute("data-deadline")) : null;
  var skew = Date.parse(root.getAttribute("data-now")) - Date.now(); // server clock minus this device's clock
  if (isNaN(skew)) skew = 0;
  var trackFocus = root.getAttribute("data-track-focus") === "1";
  var maxText = parseInt(root.getAttribute("data-max-text"), 10) || 5000;
  var TYPING_DELAY = 800;
  var MAX_BACKOFF = 30000;
  var storeKey = "csm-exam:" + root.getAttribute("data-attempt-id");
  var closed = false;
  var submitting = false;

  function serverNow() { return Date.now() + skew; }
  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, name) { return name in values ? values[name] : m; });
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(ms) {  // Beijing time, as every time the site shows (the footer says so), whatever the phone's zone
    var d = new Date(ms + 8 * 3600 * 1000);
    return pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds());
  }

  // ------------------------------------------------------------------ local copy (safety net)
  var store = {};
  try { store = JSON.parse(window.localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { store = {}; }
  function persist() {
    try { window.localStorage.setItem(storeKey, JSON.stringify(store)); } catch (e) { /* private mode, full */ }
  }

  // ------------------------------------------------------------------ questions
  var questions = {}; // key -> state
  var order = [];
  Array.prototype.forEach.call(root.querySelectorAll("article.q"), function (el) {
    var key = el.getAttribute("data-key");
    var q = {
      key: key, el: el, type: el.getAttribute("data-type"), number: el.getAttribute("data-number"),
      nav: root.querySelector('.nav-q[data-key="' + cssEscape(key) + '"]'),
      flagBtn: el.querySelector("button.flag"), stateEl: el.querySelector(".save-state"),
      timer: null, retryTimer: null, inflight: false, again: false, version: 0, failures: 0, dirty: false
    };
    questions[key] = q;
    order.push(q);
  });

  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, "\\$&"); }

  function readAnswer(q) {
    if (q.type === "case") {
      var parts = {};
      Array.prototype.forEach.call(q.el.querySelectorAll("textarea[data-part]"), function (t) {
        parts[t.getAttribute("data-part")] = t.value;
      });
      return parts;
    }
    var checked = Array.prototype.filter.call(q.el.querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    if (q.type === "multiple") return checked.length ? checked.sort() : null;
    if (!checked.length) return null;
    if (q.type === "judge") return checked[0] === "true";
    return checked[0];
  }

  function writeAnswer(q, answer) {
    if (q.type === "case") {
      var parts = answer && typeof answer === "object" ? answer : {};
      Array.prototype.forEach.call(q.el.querySelectorAll("textarea[data-part]"), function (t) {
        var v = parts[t.getAttribute("data-part")];
        t.value = typeof v === "string" ? v : "";
      });
      return;
    }
    var wanted = answer === null || answer === undefined ? [] : [].concat(answer).map(String);
    Array.prototype.forEach.call(q.el.querySelectorAll("input"), function (i) {
      i.checked = wanted.indexOf(i.value) !== -1;
    });
  }

  // A case counts as answered only when every part has text (as the server's CaseAnalysis.has_answer says);
  // some parts with text is "partly answered".
  function filledParts(answer) {
    return Object.keys(answer).filter(function (k) { return String(answer[k] || "").trim() !== ""; }).length;
  }
  function isAnswered(answer) {
    if (answer === null || answer === undefined) return false;
    if (Array.isArray(answer)) return answer.length > 0;
    if (typeof answer === "object") {
      var total = Object.keys(answer).length;
      return total > 0 && filledParts(answer) === total;
    }
    return answer !== "";
  }
  function isPartial(answer) {
    return !!answer && typeof answer === "object" && !Array.isArray(answer) && !isAnswered(answer) &&
      filledParts(answer) > 0;
  }

  // ------------------------------------------------------------------ character limit (never a silent cut)
  function textLength(value) {
    // characters as the server counts them (code points): a surrogate pair is one
    var pairs = value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
    return value.length - (pairs ? pairs.length : 0);
  }
  function updateCounter(textarea) {
    var counter = document.getElementById(textarea.getAttribute("aria-describedby"));
    var n = textLength(textarea.value);
    if (counter) {
      var over = n > maxText;
      counter.classList.toggle("over", over);
      counter.classList.toggle("at-limit", n === maxText);
      counter.textContent = "";
      var count = document.createElement("span");
      count.className = "cc-n";
      count.textContent = n;
      counter.appendChild(count);
      counter.appendChild(document.createTextNode(" / " + maxText));
      if (over || n === maxText) {
        var msg = document.createElement("span");
        msg.className = "cc-msg";
        msg.textContent = over ? fmt(T.too_long, { n: n - maxText, max: maxText }) : fmt(T.at_limit, { max: maxText });
        counter.appendChild(msg);
      }
    }
    textarea.setAttribute("aria-invalid", n > maxText ? "true" : "false");
    return n <= maxText;
  }
  function tooLong(q) {
    if (q.type !== "case") return false;
    return Array.prototype.some.call(q.el.querySelectorAll("textarea[data-part]"), function (t) {
      return textLength(t.value) > maxText;
    });
  }

  function isFlagged(q) { return q.flagBtn && q.flagBtn.getAttribute("aria-pressed") === "true"; }
  function setFlagged(q, on) {
    if (!q.flagBtn) return;
    q.flagBtn.setAttribute("aria-pressed", on ? "true" : "false");
    q.flagBtn.querySelector(".flag-text").textContent = on ? T.flagged : T.flag;
  }

  function refreshNav(q) {
    var answer = readAnswer(q);
    var answered = isAnswered(answer);
    var partial = isPartial(answer);
    q.el.classList.toggle("is-answered", answered);
    q.el.classList.toggle("is-partial", partial);
    q.el.classList.toggle("is-flagged", isFlagged(q));
    if (q.nav) {
      q.nav.classList.toggle("answered", answered);
      q.nav.classList.toggle("partial", partial);
      q.nav.classList.toggle("flagged", isFlagged(q));
    }
  }
  function refreshProgress() {
    var n = order.filter(function (q) { return isAnswered(readAnswer(q)); }).length;
    var el = document.getElementById("progress-count");
    if (el) el.textContent = fmt(T.answered, { n: n, total: order.length });
  }

  function showState(q, state, text) {
    if (!q.stateEl) return;
    q.stateEl.setAttribute("data-state", state);
    q.stateEl.textContent = text;
  }

  // ------------------------------------------------------------------ saving
  function remember(q) {
    store[q.key] = { answer: readAnswer(q), flagged: isFlagged(q), t: serverNow(), dirty: true };
    persist();
  }

  function changed(q, delay) {
    if (closed) return;
    q.version += 1;
    q.dirty = true;
    remember(q);
    refreshNav(q);
    refreshProgress();
    schedule(q, delay);
  }

  function schedule(q, delay) {
    clearTimeout(q.timer);
    clearTimeout(q.retryTimer);
    q.timer = setTimeout(function () { q.timer = null; send(q); }, delay);
  }

  function flushAll() {
    // Send everything still waiting for its timer; resolve when nothing is in flight (or after 6 s).
    order.forEach(function (q) {
      if (q.timer || (q.dirty && !q.inflight)) { clearTimeout(q.timer); q.timer = null; send(q); }
    });
    return new Promise(function (resolve) {
      var started = Date.now();
      (function wait() {
        var busy = order.some(function (q) { return q.inflight || q.timer; });
        if (!busy || Date.now() - started > 6000) resolve();
        else setTimeout(wait, 100);
      })();
    });
  }

  function request(method, url, body, keepalive) {
    return fetch(url, {
      method: method, credentials: "same-origin", keepalive: !!keepalive,
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function send(q, keepalive) {
    if (closed) return;
    if (q.inflight) { q.again = true; return; }
    if (tooLong(q)) { showState(q, "failed", fmt(T.too_long_state, { max: maxText })); return; }
    var version = q.version;
    var body = { answer: readAnswer(q), flagged: isFlagged(q) };
    q.inflight = true;
    showState(q, "saving", T.saving);
    request("PUT", api + "/answers/" + encodeURIComponent(q.key), body, keepalive).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) { return { res: res, json: json }; });
    }).then(function (r) {
      q.inflight = false;
      if (r.res.ok) {
        q.failures = 0;
        var savedAt = r.json && r.json.saved_at ? Date.parse(r.json.saved_at) : serverNow();
        if (q.version === version) {
          q.dirty = false;
          if (store[q.key]) { store[q.key].dirty = false; persist(); }
          showState(q, "saved", fmt(T.saved, { time: clock(isNaN(savedAt) ? Date.now() : savedAt - skew) }));
        }
        if (q.again || q.version !== version) { q.again = false; send(q); }
        return;
      }
      var code = r.json && r.json.error;
      if (r.res.status === 409 && (code === "deadline_passed" || code === "attempt_finished")) {
        var late = code === "deadline_passed" || (deadline && serverNow() >= deadline - 1000);
        finished(late);
        return;
      }
      if (r.res.status === 400 && r.json && r.json.error === "csrf" || r.res.status === 401) {
        showState(q, "failed", T.session);
        return; // nothing to retry until the page is reloaded; the local copy is kept
      }
      if (r.res.status === 404 || r.res.status === 403 || r.res.status === 422 || r.res.status === 400) {
        showState(q, "failed", (r.json && r.json.message) || T.failed);
        return;
      }
      retry(q, T.failed);
    }).catch(function () {
      q.inflight = false;
      retry(q, navigator.onLine === false ? T.offline : T.failed);
    });
  }

  function retry(q, text) {
    q.failures += 1;
    var delay = Math.min(MAX_BACKOFF, 1000 * Math.pow(2, q.failures - 1)) + Math.floor(Math.random() * 400);
    showState(q, "failed", text);
    clearTimeout(q.retryTimer);
    q.retryTimer = setTimeout(function () { q.retryTimer = null; send(q); }, delay);
  }

  window.addEventListener("online", function () {
    order.forEach(function (q) { if (q.dirty && !q.inflight) { clearTimeout(q.retryTimer); send(q); } });
  });
  window.addEventListener("pagehide", function () {
    order.forEach(function (q) { if (q.dirty && !q.inflight) send(q, true); });
  });

  // ------------------------------------------------------------------ wiring
  order.forEach(function (q) {
    q.el.addEventListener("change", function (ev) {
      if (ev.target.matches("input")) changed(q, 0);
    });
    q.el.addEventListener("input", function (ev) {
      if (ev.target.matches("textarea")) { updateCounter(ev.target); changed(q, TYPING_DELAY); }
    });
    q.el.addEventListener("focusout", function (ev) {
      if (ev.target.matches("textarea") && q.timer) { clearTimeout(q.timer); q.timer = null; send(q); }
    });
    if (q.flagBtn) {
      q.flagBtn.addEventListener("click", function () { setFlagged(q, !isFlagged(q)); changed(q, 0); });
      setFlagged(q, isFlagged(q));
    }
  });

  // After a reload: the server's answers are already in the page. A local copy that is newer than the
  // server's and differs from it was never acknowledged: put it back and send it again.
  order.forEach(function (q) {
    var local = store[q.key];
    var server = (data.answers || {})[q.key] || {};
    if (local && local.dirty) {
      var serverTime = server.saved_at ? Date.parse(server.saved_at) : 0;
      var same = JSON.stringify(local.answer) === JSON.stringify(server.answer === undefined ? null : server.answer) &&
        !!local.flagged === !!server.flagged;
      if (same) {
        local.dirty = false;
      } else if (!serverTime || local.t > serverTime) {
        writeAnswer(q, local.answer);
        setFlagged(q, !!local.flagged);
        q.version += 1;
        q.dirty = true;
        showState(q, "saving", T.restored);
        schedule(q, 0);
      } else {
        local.dirty = false;
      }
    }
    if (!q.dirty && server.saved_at) {
      showState(q, "saved", fmt(T.saved, { time: clock(Date.parse(server.saved_at) - skew) }));
    }
    Array.prototype.forEach.call(q.el.querySelectorAll("textarea[data-part]"), updateCounter);
    refreshNav(q);
  });
  persist();
  refreshProgress();

  // ------------------------------------------------------------------ navigator
  var navToggle = document.getElementById("nav-toggle");
  var navigatorEl = document.getElementById("navigator");
  if (navToggle && navigatorEl) {
    navToggle.addEventListener("click", function () {
      var open = navToggle.getAttribute("aria-expanded") !== "true";
      navToggle.setAttribute("aria-expanded", open ? "true" : "false");
      navigatorEl.classList.toggle("open", open);
    });
    navigatorEl.addEventListener("click", function (ev) {
      var link = ev.target.closest(".nav-q[data-key]");
      if (!link) return;
      ev.preventDefault();
      navToggle.setAttribute("aria-expanded", "false");
      navigatorEl.classList.remove("open");
      jumpTo(questions[link.getAttribute("data-key")]);
    });
  }
  // Questions land below the sticky bar (its height changes with the screen and the open navigator).
  var bar = root.querySelector(".exam-bar");
  function measureBar() {
    if (bar) root.style.setProperty("--exam-bar-h", Math.ceil(bar.getBoundingClientRect().height) + "px");
  }
  measureBar();
  window.addEventListener("resize", measureBar);
  function jumpTo(q) {
    if (!q) return;
    measureBar();
    q.el.scrollIntoView({ block: "start" });
    var first = q.el.querySelector("input, textarea");
    if (first) first.focus({ preventScroll: true });
    if (history.replaceState) history.replaceState(null, "", "#q-" + q.number);
  }

  // ------------------------------------------------------------------ countdown
  var cdValue = document.getElementById("cd-value");
  var countdownEl = document.getElementById("countdown");
  var tick = null;
  function renderCountdown() {
    if (!deadline || !cdValue) return;
    var msLeft = deadline - serverNow();
    var left = Math.max(0, Math.ceil(msLeft / 1000));
    var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    cdValue.textContent = (h ? h + ":" + pad(m) : pad(m)) + ":" + pad(s);
    countdownEl.classList.toggle("warn", left <= 300);
    countdownEl.classList.toggle("urgent", left <= 60);
    if (msLeft <= 0 && !closed) {
      clearInterval(tick);
      // Saves in flight within the server's grace still count: send what is left, then stop.
      flushAll().then(function () {
        timeUp(T.time_up);
        // The server finishes the attempt itself; asking now makes the result ready when the trainee opens it.
        request("POST", api + "/submit", {}).catch(function () { /* the result page finishes it too */ });
      });
    }
  }
  if (deadline) { renderCountdown(); tick = setInterval(renderCountdown, 250); }

  // ------------------------------------------------------------------ end of the exam
  function timeUp(message, detail) {
    if (closed) return;
    closed = true;
    clearInterval(tick);
    order.forEach(function (q) {
      clearTimeout(q.timer);
      clearTimeout(q.retryTimer);
      if (q.dirty) showState(q, "failed", T.not_saved); // never "保存中…" forever
    });
    try { window.localStorage.removeItem(storeKey); } catch (e) { /* ignore */ }
    Array.prototype.forEach.call(root.querySelectorAll("#exam-form input, #exam-form textarea, #exam-form button"), function (el) {
      el.disabled = true;
    });
    // One message, in one place: the panel (pinned on screen) with the link to the result.
    var panel = document.getElementById("time-up");
    panel.querySelector("h2").textContent = message;
    document.getElementById("time-up-detail").textContent = detail || "";
    panel.hidden = false;
    root.classList.add("is-closed");
    if (cdValue) cdValue.textContent = T.ended;
    var dialog = document.getElementById("submit-dialog");
    if (dialog.open) dialog.close();
    var link = panel.querySelector("a");
    if (link) link.focus({ preventScroll: true });
  }
  function finished(late) {
    timeUp(late ? T.time_up : T.closed, late ? T.time_up_detail : T.closed_detail);
  }

  // A tab left open after the exam was submitted elsewhere (or Back after submitting): ask the server as soon
  // as the page is shown or looked at again, and say at once that the exam is finished.
  var checking = false;
  function checkState(leaveIfFinished) {
    if (closed || checking || submitting) return;
    checking = true;
    fetch(root.getAttribute("data-state-url"), { credentials: "same-origin", headers: { "Accept": "application/json" } }).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (json) {
      checking = false;
      if (!json || json.status === "started") return;
      if (leaveIfFinished) { window.location.replace(resultUrl); return; }
      finished(json.status === "expired");
    }).catch(function () { checking = false; });
  }
  window.addEventListener("pageshow", function (ev) { if (ev.persisted) checkState(true); });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") checkState(false); });
  window.addEventListener("focus", function () { checkState(false); });

  // ------------------------------------------------------------------ submit
  var form = document.getElementById("exam-form");
  var dialog = document.getElementById("submit-dialog");
  var confirmBtn = document.getElementById("submit-confirm");
  var submitError = document.getElementById("submit-error");

  function listInto(boxId, list) {
    var box = document.getElementById(boxId);
    var p = box.querySelector(".q-list");
    p.textContent = "";
    list.forEach(function (q) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "nav-q";
      b.textContent = q.number;
      b.addEventListener("click", function () { dialog.close(); jumpTo(q); });
      p.appendChild(b);
    });
    box.hidden = list.length === 0;
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (closed) return;
    // A case question with some of its parts written is partly answered, not unanswered: the dialog called it
    // unanswered, and a trainee who had just written part (1) read that the answer was lost.
    var partial = order.filter(function (q) { return isPartial(readAnswer(q)); });
    var unanswered = order.filter(function (q) { var a = readAnswer(q); return !isAnswered(a) && !isPartial(a); });
    var flagged = order.filter(isFlagged);
    // An answer over the character limit is typed but never saved: the summary must not call it answered.
    var unsaved = order.filter(tooLong);
    var incomplete = unanswered.length + partial.length;
    var summary = !incomplete ? fmt(T.all_answered, { total: order.length }) :
      fmt(partial.length ? T.some_incomplete : T.some_unanswered, { n: incomplete, total: order.length });
    if (unsaved.length) summary = fmt(T.some_too_long, { n: unsaved.length, max: maxText }) + " " +
      (incomplete ? summary : "");
    document.getElementById("submit-summary").textContent = summary.trim();
    listInto("submit-too-long", unsaved);
    listInto("submit-partial", partial);
    listInto("submit-unanswered", unanswered);
    listInto("submit-flagged", flagged);
    submitError.hidden = true;
    if (dialog.showModal) dialog.showModal();
    else if (window.confirm(document.getElementById("submit-summary").textContent)) doSubmit();
  });

  function doSubmit() {
    if (submitting) return;
    submitting = true;
    confirmBtn.disabled = true;
    var label = confirmBtn.textContent;
    confirmBtn.textContent = T.sending;
    flushAll().then(function () {
      return request("POST", api + "/submit", {});
    }).then(function (res) {
      if (res.ok) {
        closed = true;
        order.forEach(function (q) { if (store[q.key]) store[q.key].dirty = false; });
        try { window.localStorage.removeItem(storeKey); } catch (e) { /* ignore */ }
        return res.json().catch(function () { return {}; }).then(function (json) {
          window.location.assign((json && json.result_url) || resultUrl);
        });
      }
      throw new Error("status " + res.status);
    }).catch(function () {
      submitting = false;
      confirmBtn.disabled = false;
      confirmBtn.textContent = label;
      submitError.textContent = T.submit_failed;
      submitError.hidden = false;
    });
  }
  confirmBtn.addEventListener("click", doSubmit);

  // ------------------------------------------------------------------ focus events (recorded, never blocking)
  if (trackFocus) {
    var lastFocusEvent = 0;
    var sendFocus = function (kind) {
      if (closed || Date.now() - lastFocusEvent < 2000) return;
      lastFocusEvent = Date.now();
      request("POST", api + "/focus", { kind: kind }, true).catch(function () { /* best effort */ });
    };
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") sendFocus("hidden"); });
    window.addEventListener("blur", function () { sendFocus("blur"); });
  }
})();
