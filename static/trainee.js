/* The trainee's result, practice and 错题本 pages: a print button, key points tied to their evidence (hover, focus
 * or tap one and the other lights up), long answers folded behind "展开", and the practice box's character
 * counter. Static file, no inline script (the pages run under a CSP without 'unsafe-inline'); texts come from
 * data-* attributes written by the templates. */
(function () {
  "use strict";

  function each(selector, fn, scope) { Array.prototype.forEach.call((scope || document).querySelectorAll(selector), fn); }

  // ------------------------------------------------------------------ print
  each("[data-print]", function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // ------------------------------------------------------------------ key point <-> evidence
  function light(box, ids, on) {
    each("mark[data-points]", function (mark) {
      var mine = mark.getAttribute("data-points").split(" ");
      if (ids.some(function (id) { return mine.indexOf(id) !== -1; })) mark.classList.toggle("kp-lit", on);
    }, box);
    each("li[data-point]", function (li) {
      if (ids.indexOf(li.getAttribute("data-point")) !== -1) li.classList.toggle("kp-lit", on);
    }, box);
  }
  function clear(box) { each(".kp-lit", function (el) { el.classList.remove("kp-lit"); }, box); }

  each(".case-part.graded", function (box) {
    function idsOf(el) {
      if (el.hasAttribute("data-point")) return [el.getAttribute("data-point")];
      return el.getAttribute("data-points").split(" ");
    }
    var pinned = null; // the element a tap (or click) lit, until the next tap
    function show(el) { clear(box); if (el) light(box, idsOf(el), true); }
    each("li[data-point], mark[data-points]", function (el) {
      el.addEventListener("mouseenter", function () { show(el); });
      el.addEventListener("mouseleave", function () { show(pinned); });
      el.addEventListener("focus", function () { show(el); });
      el.addEventListener("blur", function () { show(pinned); });
      el.addEventListener("click", function () {  // a tap on a phone (which also "hovers" first): toggle the pin
        pinned = pinned === el ? null : el;
        show(pinned);
      });
    }, box);
  });

  // ------------------------------------------------------------------ fold long answers
  var labels = document.getElementById("trainee-i18n");
  var T = labels ? JSON.parse(labels.textContent) : { expand: "展开", collapse: "收起" };
  each("[data-fold]", function (box) {
    box.classList.add("fold", "folded");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary fold-toggle";
    button.setAttribute("aria-expanded", "false");
    button.textContent = T.expand;
    button.addEventListener("click", function () {
      var folded = box.classList.toggle("folded");
      button.setAttribute("aria-expanded", folded ? "false" : "true");
      button.textContent = folded ? T.expand : T.collapse;
    });
    box.appendChild(button);
  });

  // ------------------------------------------------------------------ practice: character counter
  function textLength(value) {
    var pairs = value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
    return value.length - (pairs ? pairs.length : 0);
  }
  each("textarea[data-max-text]", function (textarea) {
    var max = parseInt(textarea.getAttribute("data-max-text"), 10);
    var counter = document.getElementById(textarea.getAttribute("aria-describedby"));
    function update() {
      var n = textLength(textarea.value);
      var over = n > max;
      textarea.setAttribute("aria-invalid", over ? "true" : "false");
      if (!counter) return over;
      counter.classList.toggle("over", over);
      counter.classList.toggle("at-limit", n === max);
      counter.querySelector(".cc-n").textContent = n;
      var msg = counter.querySelector(".cc-msg");
      msg.textContent = over ? T.too_long.replace("{n}", n - max).replace("{max}", max)
        : (n === max ? T.at_limit.replace("{max}", max) : "");
      return over;
    }
    textarea.addEventListener("input", update);
    update();
    if (textarea.form) {
      textarea.form.addEventListener("submit", function (ev) {
        if (update()) { ev.preventDefault(); textarea.focus(); }
      });
    }
  });
})();
