/*
 * Small enhancements for the pages with a message box, only with JavaScript (the pages are whole
 * without it). Loaded from the page's body, so htmx runs it again after a boosted navigation:
 * - elements marked data-js-only (e.g. "New messages appear here by themselves", true only
 *   while htmx polls) are shown;
 * - a text box with data-count="<id of its counter>" and data-max counts down the characters
 *   left, in the page's language (the counter's data-say-* attributes; "#" is the number).
 * Runs on the page that loads it and on every piece of content htmx swaps in afterwards.
 */
(function () {
  "use strict";
  if (window.fpEnhance) return window.fpEnhance(document);
  function counter(box) {
    var out = document.getElementById(box.getAttribute("data-count"));
    var max = Number(box.getAttribute("data-max"));
    if (!out || !max || box.hasAttribute("data-counting")) return;
    box.setAttribute("data-counting", "");
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
    function update() {
      var left = max - box.value.length;
      var say = left === 1 ? out.getAttribute("data-say-one") : left < 0 ? out.getAttribute("data-say-over") : out.getAttribute("data-say-left");
      out.textContent = (say || "").replace("#", format.format(Math.abs(left)));
      out.classList.toggle("error", left < 0);
    }
    out.hidden = false;
    box.addEventListener("input", update);
    update();
  }
  function enhance(root) {
    var shown = root.querySelectorAll("[data-js-only]");
    for (var i = 0; i < shown.length; i++) shown[i].hidden = false;
    var boxes = root.querySelectorAll("textarea[data-count]");
    for (var j = 0; j < boxes.length; j++) counter(boxes[j]);
  }
  window.fpEnhance = enhance;
  enhance(document);
  // htmx's load event fires for each piece of content it swaps in (a boosted page's whole body).
  document.addEventListener("htmx:load", function (e) {
    if (e.target && e.target.querySelectorAll) enhance(e.target);
  });
})();
