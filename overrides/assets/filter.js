/*
 * The filter above the overviews of tips, lessons, scenarios and checklists (macros/site/render/filters.py).
 *
 * The form (form[data-filter]) is hidden in the page: without JavaScript every item shows and no control is
 * offered that cannot work. Each item carries data-themes (theme ids) and maybe data-group; each fieldset
 * names the attribute its checkboxes compare with (data-attribute). An item shows when, in every fieldset with
 * a ticked box, one of its values is ticked. The choice lives in the query string under the boxes' names
 * (?thema=privacy&thema=casuistiek&groep=belangrijk), so a link opens the same selection; other parameters,
 * like Material's search highlight ?h=, stay. toolkit.js loads this file on the pages with a filter, also
 * after Material's instant navigation.
 */
(function () {
  "use strict";

  /* Dutch Excel (a nl-NL Windows) reads a CSV with its list separator, the semicolon, because the comma is the
     decimal separator there: a comma-separated file would open as one column. LibreOffice and Numbers ask or
     detect it. The BOM tells Excel the file is UTF-8 (Casuïstiek, cliënten). */
  var SEPARATOR = ";";

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    var article = form.closest("article") || document;
    var items = all(article, "[data-themes]");
    var groups = all(article, ".toolkit-filter-group");
    var fields = all(form, "fieldset[data-attribute]");
    var status = form.querySelector("[role=status]");
    var noun = form.dataset.noun;
    var selection = document.createElement("p");
    selection.className = "toolkit-filter__selection";
    form.after(selection);

    function boxes(field) {
      return all(field, "input[type=checkbox]");
    }

    function label(box) {
      return box.labels[0].textContent.trim();
    }

    function ticked(field) {
      return boxes(field).filter(function (box) { return box.checked; });
    }

    function matches(item) {
      return fields.every(function (field) {
        var wanted = ticked(field).map(function (box) { return box.value; });
        var values = (item.dataset[field.dataset.attribute] || "").split(" ");
        return !wanted.length || values.some(function (value) { return wanted.indexOf(value) >= 0; });
      });
    }

    /* The entry of a hidden heading in Material's table of contents goes too. */
    function showInContents(element, show) {
      var heading = element.querySelector("h2[id], h3[id]");
      if (!heading) return;
      all(document, ".md-nav--secondary a[href$='#" + CSS.escape(heading.id) + "']").forEach(function (link) {
        link.parentElement.hidden = !show;
      });
    }

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var show = matches(item);
        item.hidden = !show;
        showInContents(item, show);
        if (show) shown += 1;
      });
      groups.forEach(function (group) {
        var show = Boolean(group.querySelector("[data-themes]:not([hidden])"));
        group.hidden = !show;
        showInContents(group, show);
      });
      status.textContent = shown ? shown + " van " + items.length + " " + noun : "Geen " + noun + " met deze keuze.";
      var chosen = fields.filter(function (field) { return ticked(field).length; }).map(function (field) {
        return field.querySelector("legend").textContent.toLowerCase() + " " + ticked(field).map(label).join(" of ");
      });
      selection.textContent = chosen.length ? "Selectie: " + chosen.join("; ") + " (" + status.textContent + ")" : "";
      selection.hidden = !chosen.length;
    }

    function remember() {
      var url = new URL(location.href);
      fields.forEach(function (field) {
        var name = boxes(field)[0].name;
        url.searchParams.delete(name);
        ticked(field).forEach(function (box) { url.searchParams.append(name, box.value); });
      });
      history.replaceState(history.state, "", url.href);  /* Material keeps the scroll position in the state */
      /* Instant navigation made every link absolute when the page came (with the query of then): a link to a
         heading on this page would bring back that query, so it gets the new one. */
      all(document, "a[href*='#']").forEach(function (link) {
        if (link.pathname === location.pathname && link.origin === location.origin && /^\w+:/.test(link.getAttribute("href"))) {
          link.search = url.search;
        }
      });
    }

    function csv() {
      var rows = [["soort", "id", "titel"].concat(fields.map(function (field) {
        return field.dataset.attribute === "themes" ? "thema's" : field.querySelector("legend").textContent.toLowerCase();
      }), ["adres"])];
      items.filter(function (item) { return !item.hidden; }).forEach(function (item) {
        var heading = item.querySelector("h2[id], h3[id]");
        var link = item.querySelector("a[href]");
        var title = (heading || link).cloneNode(true);
        all(title, ".headerlink").forEach(function (anchor) { anchor.remove(); });
        var names = fields.map(function (field) {  /* in the item's own order, as its line of themes shows them */
          return (item.dataset[field.dataset.attribute] || "").split(" ").map(function (value) {
            var box = field.querySelector("input[value='" + CSS.escape(value) + "']");
            return box ? label(box) : value;
          }).join(", ");
        });
        var address = heading ? location.origin + location.pathname + "#" + heading.id : link.href;
        rows.push([form.dataset.singular, item.dataset.id, title.textContent.trim()].concat(names, [address]));
      });
      var text = rows.map(function (row) {
        return row.map(function (cell) { return '"' + String(cell).replace(/"/g, '""') + '"'; }).join(SEPARATOR);
      }).join("\r\n");
      var file = new Blob(["\ufeff" + text + "\r\n"], { type: "text/csv;charset=utf-8" });
      var download = document.createElement("a");
      download.href = URL.createObjectURL(file);
      download.download = form.dataset.filter + ".csv";
      document.body.appendChild(download);
      download.click();
      download.remove();
    }

    var query = new URL(location.href).searchParams;
    fields.forEach(function (field) {
      boxes(field).forEach(function (box) { box.checked = query.getAll(box.name).indexOf(box.value) >= 0; });
    });
    apply();
    form.querySelector("details").open = fields.some(function (field) {
      return boxes(field).some(function (box) { return box.checked; });
    });
    form.hidden = false;

    form.addEventListener("change", function () {
      apply();
      remember();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-action=all]").addEventListener("click", function () {
      fields.forEach(function (field) { boxes(field).forEach(function (box) { box.checked = false; }); });
      apply();
      remember();
    });
    form.querySelector("[data-action=csv]").addEventListener("click", csv);
    form.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
  }

  toolkit.onPage("form[data-filter]", setup);
})();
