/*
 * Small helpers shared by checklist.js and scan.js: remembered state in this browser, buttons, and
 * running a setup on every page load, also after Material's instant navigation (document$).
 */
window.toolkit = (function () {
  "use strict";

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

  /* Call setup(element) for every element matching selector, on this page and every next one. */
  function onPage(selector, setup) {
    function run() {
      Array.prototype.forEach.call(document.querySelectorAll(selector), setup);
    }
    if (typeof document$ !== "undefined") {
      document$.subscribe(run);
    } else {
      document.addEventListener("DOMContentLoaded", run);
    }
  }

  return { load: load, save: save, button: button, onPage: onPage };
})();
