/* The progress page of a background job: poll its JSON every second, move the bar, and once it is done go on to
 * the outcome page (or show the download link). No inline script: the CSP forbids it. */
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  var bar = document.getElementById("job-bar");
  var text = document.getElementById("job-text");
  var download = document.getElementById("job-download");
  var next = document.getElementById("job-next");
  var delay = 1000;
  var fetched = false;

  function say(state, data) {
    var template = text.getAttribute("data-" + state) || "";
    text.textContent = template.replace("{done}", data.done).replace("{total}", data.total);
  }

  function show(data) {
    bar.value = data.percent;
    bar.textContent = data.percent + "%";
    say(data.state === "started" && !data.total ? "queued" : data.state, data);
    if (data.download) {
      download.href = data.download;
      download.hidden = false;
      if (!fetched) { fetched = true; window.location.assign(data.download); }  // the file, once; the page stays
    }
    if (data.next) { next.href = data.next; next.hidden = false; }
    var done = data.state === "finished" || data.state === "refused";
    if (done && data.next && !data.download) { window.location.assign(data.next); return; }
    if (!done && data.state !== "failed") { window.setTimeout(poll, delay); }
  }

  function poll() {
    fetch(box.getAttribute("data-status-url"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (answer) { if (!answer.ok) throw new Error(answer.status); return answer.json(); })
      .then(show)
      .catch(function () { delay = Math.min(delay * 2, 10000); window.setTimeout(poll, delay); });
  }

  var state = box.getAttribute("data-state");
  var over = state === "finished" || state === "refused";
  if (over && box.getAttribute("data-next") && !download.getAttribute("href").replace("#", "")) {
    window.location.assign(box.getAttribute("data-next"));
  } else if (!over && state !== "failed") {
    window.setTimeout(poll, 300);
  }
}());
