/* Reader tools: font size (大/中/小), high contrast, print. Remembered across pages in localStorage.
   Without JavaScript the tools stay hidden and every page still works. No external code. */
(function () {
  "use strict";
  var root = document.documentElement;
  function load(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function save(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  var font = load("gongshi-font") || "medium";
  var contrast = load("gongshi-contrast") === "on";

  function apply() {
    root.classList.remove("font-large", "font-small");
    if (font === "large" || font === "small") { root.classList.add("font-" + font); }
    if (contrast) { root.classList.add("high-contrast"); } else { root.classList.remove("high-contrast"); }
  }
  apply();

  document.addEventListener("DOMContentLoaded", function () {
    var tools = document.querySelector(".reader-tools");
    if (!tools) { return; }
    var fontButtons = tools.querySelectorAll("[data-font]");
    var contrastButton = tools.querySelector("[data-contrast]");
    var printButton = tools.querySelector("[data-print]");
    function sync() {
      for (var i = 0; i < fontButtons.length; i++) {
        fontButtons[i].setAttribute("aria-pressed", String(fontButtons[i].getAttribute("data-font") === font));
      }
      if (contrastButton) { contrastButton.setAttribute("aria-pressed", String(contrast)); }
    }
    for (var i = 0; i < fontButtons.length; i++) {
      fontButtons[i].addEventListener("click", function (event) {
        font = event.currentTarget.getAttribute("data-font");
        save("gongshi-font", font);
        apply(); sync();
      });
    }
    if (contrastButton) {
      contrastButton.addEventListener("click", function () {
        contrast = !contrast;
        save("gongshi-contrast", contrast ? "on" : "off");
        apply(); sync();
      });
    }
    if (printButton) { printButton.addEventListener("click", function () { window.print(); }); }
    sync();
    tools.hidden = false;
  });
})();
