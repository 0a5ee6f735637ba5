/*
 * Helpers shared by checklist.js, scan.js and filter.js (state in this browser, buttons, a setup on every page,
 * also after instant navigation), and loading those three only on the pages that use them.
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

  /* False when storage is full or blocked (some private modes, settings): then the state lasts until
     the page is left. */
  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  }

  /* Save after something the visitor did; if that fails, say so once per page in notice (a live region
     next to what they used), with text that names the way out. */
  var toldOn = null;
  function keep(key, value, notice, text) {
    if (save(key, value) || toldOn === location.pathname) return;
    toldOn = location.pathname;
    notice.textContent = text;
  }

  /* A paragraph that screen readers announce when its text changes. */
  function liveArea(className) {
    var element = document.createElement("p");
    element.className = className;
    element.setAttribute("role", "status");
    return element;
  }

  /* Say text in the live area message. With undo, also offer a button "Ongedaan maken": it calls undo, says
     undone and gives the focus back to the button `from` (the one that did what is undone). */
  function say(message, text, undo, undone, from) {
    message.textContent = text;
    if (!undo) return;
    message.appendChild(document.createTextNode(" "));
    message.appendChild(button("Ongedaan maken", function () {
      undo();
      say(message, undone);
      from.focus();
    }));
  }

  /* Withdraw the offer to undo (after a new change, undoing would lose it); the text stays. */
  function withdraw(message) {
    var offer = message.querySelector("button");
    if (offer) offer.remove();
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
  loadFor("form[data-filter]", "filter.js");

  return { load: load, save: save, keep: keep, liveArea: liveArea, say: say, withdraw: withdraw, button: button,
           onPage: onPage };
})();
