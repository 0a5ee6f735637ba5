/*
 * Helpers shared by checklist.js and scan.js (state in this browser, buttons, a setup on every page,
 * also after instant navigation), and loading those two only on the pages that use them.
 */
window.toolkit = (function () {
  "use strict";

  /* This script's folder as an absolute URL: right at any page depth, on a sub-path and on file://. */
  var ASSETS = document.currentScript.src.replace(/[^/]*$/, "");

  /* JSON state under a localStorage key; nothing leaves the device. */
  function load(key) {
    try {
      return JSON.parse(localStorage.getItem(key)) || {};
    } catch (error) {
      return {};
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (error) {
      /* storage full or blocked (private mode): the state lasts until the page is left */
    }
  }

  function button(text, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "md-button";
    element.textContent = text;
    element.addEventListener("click", onClick);
    return element;
  }

  /* Call setup(element) for every element matching selector, on this page and every next one
     (document$ also replays the current page to a script loaded later). */
  function onPage(selector, setup) {
    function run() {
      Array.prototype.forEach.call(document.querySelectorAll(selector), setup);
    }
    if (typeof document$ !== "undefined") {
      document$.subscribe(run);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  /* Add ASSETS + file once, on the first page with an element matching selector. */
  function loadFor(selector, file) {
    var added = false;
    onPage(selector, function () {
      if (added) return;
      added = true;
      var script = document.createElement("script");
      script.src = ASSETS + file;
      document.head.appendChild(script);
    });
  }

  loadFor("[data-checklist]", "checklist.js");
  loadFor("[data-scan]", "scan.js");

  return { load: load, save: save, button: button, onPage: onPage };
})();
