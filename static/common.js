/* Behaviour every page may use, so that no template needs an inline handler (the CSP forbids inline script):
 * a button with data-print prints the page; a select with data-autosubmit sends its form when it changes. */
(function () {
  "use strict";
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  each("[data-print]", function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // A fold of filters is closed on a phone (the results come first) and open on a wide screen.
  each("details[data-open-wide]", function (fold) {
    if (window.matchMedia && window.matchMedia("(min-width: 48rem)").matches) { fold.open = true; }
  });
  each("select[data-autosubmit]", function (select) {
    select.addEventListener("change", function () { if (select.form) select.form.submit(); });
  });
  // A form with data-busy="…" does long work (an import, a regrade): once sent, its buttons say so and take no
  // second tap. Disabled only after the submit event, so the pressed button's name and value are still sent.
  function idle(button) {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    if (button.hasAttribute("data-label")) { button.textContent = button.getAttribute("data-label"); }
  }
  each("form[data-busy]", function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      var buttons = form.querySelectorAll("button[type=submit], button:not([type])");
      window.setTimeout(function () {
        Array.prototype.forEach.call(buttons, function (button) {
          button.setAttribute("data-label", button.textContent);
          button.textContent = form.getAttribute("data-busy");
          button.setAttribute("aria-busy", "true");
          button.disabled = true;
        });
      }, 0);
    });
  });
  window.addEventListener("pageshow", function () { each("form[data-busy] button[aria-busy]", idle); });
  // A busy form answered with a file (data-download): the browser saves it and the page stays, saying 'working…'
  // for ever. The form sends a token; the file's response sets the cookie download-<token> (app/downloads.py), and
  // once it is seen the busy button gives way to the form's done notice, so the work is not sent a second time.
  each("form[data-busy][data-download]", function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      var token = Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
      var field = form.querySelector("input[name=download_token]");
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = "download_token";
        form.appendChild(field);
      }
      field.value = token;
      var name = "download-" + token + "=";
      var timer = window.setInterval(function () {
        if (!document.cookie.split("; ").some(function (c) { return c.indexOf(name) === 0; })) return;
        window.clearInterval(timer);
        document.cookie = name + "; max-age=0; path=/";
        Array.prototype.forEach.call(form.querySelectorAll("button"), function (button) { button.hidden = true; });
        var done = form.querySelector("[data-download-done]");
        if (done) { done.hidden = false; done.focus(); }
      }, 400);
    });
  });
  // A file field (_file_field.html): the native input's texts are in the browser's language, so it is hidden
  // (still focused and read by a screen reader) and the page's own button and the chosen file's name are shown.
  each(".file-field", function (field) {
    var input = field.querySelector("input[type=file]"), chosen = field.querySelector(".file-chosen");
    if (!input || !chosen) return;
    function show() {
      var names = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
      chosen.textContent = names.length ? names.join("、") : chosen.getAttribute("data-none");
      field.classList.toggle("has-file", names.length > 0);
    }
    input.setAttribute("aria-describedby", chosen.id);
    input.addEventListener("change", show);
    show();  // a file the browser kept when the page was shown again
    field.classList.add("enhanced");
  });
  // A row of tabs that scrolls sideways on a phone (.tab-row): the page's own tab, when it starts beyond the right
  // edge or under its fade (审计日志, the last of eight), is brought into view. Without script the row still scrolls by hand.
  each(".tab-row [aria-current=page]", function (tab) {
    var row = tab.parentNode, edge = row.getBoundingClientRect().right - 32, box = tab.getBoundingClientRect();
    if (row.scrollWidth > row.clientWidth && box.right > edge) {  // beyond the edge or under its fade
      row.scrollLeft += box.right - edge;
    }
  });
}());
