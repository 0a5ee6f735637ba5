/*
 * Checklists that remember their ticks.
 *
 * Every element with data-checklist="<id>" holds checkboxes with data-key="<key>". Ticks are kept
 * in this browser's localStorage under "toolkit:checklist:<id>"; nothing leaves the device unless
 * the user exports a file or copies a link. Without JavaScript the checklist still shows and prints.
 * Runs on every page load, also after Material's instant navigation (document$).
 */
(function () {
  "use strict";

  var PREFIX = "toolkit:checklist:";
  var HASH = "vinkjes=";

  function load(id) {
    return toolkit.load(PREFIX + id);
  }

  var button = toolkit.button;

  /* The ticks a link carries: #vinkjes=<checklist id>:<key>.<key> (only for this checklist). */
  function ticksFromLink(id) {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (hash.indexOf(HASH + id + ":") !== 0) return null;
    var ticks = {};
    hash.slice(HASH.length + id.length + 1).split(".").forEach(function (key) {
      if (key) ticks[key] = true;
    });
    return ticks;
  }

  function setup(list) {
    if (list.dataset.ready) return;
    list.dataset.ready = "true";
    var id = list.dataset.checklist;
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox][data-key]"));
    var status = list.querySelector(".toolkit-checklist__status");
    var message = toolkit.liveArea("toolkit-checklist__message");
    var notice = toolkit.liveArea("toolkit-checklist__message toolkit-unsaved");
    var started = false; /* saving at setup tells nothing; the first thing the visitor does does */

    function current() {
      var ticks = {};
      boxes.forEach(function (box) {
        if (box.checked) ticks[box.dataset.key] = true;
      });
      return ticks;
    }

    function show(ticks) {
      boxes.forEach(function (box) {
        box.checked = Boolean(ticks[box.dataset.key]);
      });
      update();
    }

    function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      status.textContent = done + " van " + boxes.length + " afgevinkt";
      status.hidden = false;
      if (!started) {
        toolkit.save(PREFIX + id, current());
      } else {
        toolkit.keep(PREFIX + id, current(), notice, "Let op: deze browser bewaart je vinkjes niet, dus ze zijn " +
          "weg als je deze pagina verlaat. Bewaar ze in een bestand met 'Exporteren'.");
      }
    }

    function say(text, undo, undone, from) {
      toolkit.say(message, text, undo, undone, from);
    }

    var linked = ticksFromLink(id);
    show(linked || load(id));
    if (linked) {
      say("De vinkjes uit de link zijn overgenomen.");
      history.replaceState(null, "", location.pathname + location.search);
    }
    started = true;
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        toolkit.withdraw(message);
        update();
      });
    });

    /* Tools: only with JavaScript, so they never show where they can't work. */
    var tools = document.createElement("div");
    tools.className = "toolkit-checklist__tools";
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", "Acties voor deze checklist");

    tools.appendChild(button("Afdrukken", function () { window.print(); }));

    var erase = tools.appendChild(button("Alle vinkjes wissen", function () {
      var before = current();
      show({});
      if (Object.keys(before).length) {
        say("Alle vinkjes zijn gewist.", function () { show(before); }, "De vinkjes zijn teruggezet.", erase);
      } else {
        say("Er stonden geen vinkjes; er is niets gewist.");
      }
    }));

    tools.appendChild(button("Exporteren", function () {
      var data = {
        toolkit: "checklist",
        checklist: id,
        title: list.dataset.title,
        exported: new Date().toISOString(),
        items: boxes.map(function (box) {
          return { key: box.dataset.key, text: box.labels[0].textContent.trim(), checked: box.checked };
        })
      };
      var file = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = "checklist-" + id + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      say("De vinkjes zijn opgeslagen in een bestand: " + link.download + ".");
    }));

    var picker = document.createElement("input");
    picker.type = "file";
    picker.accept = "application/json,.json";
    picker.className = "toolkit-visually-hidden";
    picker.id = "import-" + id;
    picker.addEventListener("change", function () {
      var file = picker.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = JSON.parse(text);
        if (data.toolkit !== "checklist" || data.checklist !== id) {
          say("Dit bestand hoort niet bij deze checklist; er is niets veranderd.");
          return;
        }
        var ticks = {};
        data.items.forEach(function (item) { if (item.checked) ticks[item.key] = true; });
        show(ticks);
        say("De vinkjes uit " + file.name + " zijn overgenomen.");
      }).catch(function () {
        say("Dit bestand kan niet worden gelezen; er is niets veranderd.");
      }).then(function () { picker.value = ""; });
    });
    var importLabel = document.createElement("label");
    importLabel.className = "md-button";
    importLabel.htmlFor = picker.id;
    importLabel.textContent = "Importeren";
    tools.appendChild(importLabel);
    tools.appendChild(picker);

    var shareField = document.createElement("input");
    shareField.type = "text";
    shareField.readOnly = true;
    shareField.id = "link-" + id;
    shareField.className = "toolkit-checklist__link";
    shareField.hidden = true;
    var shareLabel = document.createElement("label");
    shareLabel.htmlFor = shareField.id;
    shareLabel.className = "toolkit-visually-hidden";
    shareLabel.textContent = "Link met de vinkjes van deze checklist";
    /* In the offline version the link is a file:// address: it opens only on this computer. */
    var reach = location.protocol === "file:"
      ? " Let op: deze link werkt alleen op deze computer, want hij wijst naar een bestand van de offline-versie. " +
        "Wil je de vinkjes delen, gebruik dan Exporteren en stuur het bestand mee."
      : " Wie hem opent, ziet dezelfde vinkjes.";
    tools.appendChild(button("Link met vinkjes", function () {
      var keys = Object.keys(current());
      shareField.value = location.href.split("#")[0] + "#" + HASH + id + ":" + keys.join(".");
      shareField.hidden = false;
      shareField.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(shareField.value).then(
          function () { say("De link is gekopieerd." + reach); },
          function () { say("Kopieer de link hieronder." + reach); });
      } else {
        say("Kopieer de link hieronder." + reach);
      }
    }));
    tools.appendChild(shareLabel);
    tools.appendChild(shareField);

    var sign = list.querySelector(".toolkit-checklist__sign");
    sign.parentNode.insertBefore(tools, sign);
    tools.parentNode.insertBefore(message, tools.nextSibling);
    message.parentNode.insertBefore(notice, message.nextSibling);
  }

  toolkit.onPage("[data-checklist]", setup);
})();
