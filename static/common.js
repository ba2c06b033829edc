/* Behaviour every page may use, so that no template needs an inline handler (the CSP forbids inline script):
 * a button with data-print prints the page; a select with data-autosubmit sends its form when it changes. */
(function () {
  "use strict";
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  each("[data-print]", function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  each("select[data-autosubmit]", function (select) {
    select.addEventListener("change", function () { if (select.form) select.form.submit(); });
  });
}());
