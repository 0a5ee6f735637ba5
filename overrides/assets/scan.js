/*
 * The borgingsscan: score each routekaart element from the answers nee (0), deels (1), ja (2).
 *
 * Answers are kept in this browser's localStorage under "toolkit:scan"; nothing is sent anywhere.
 * The result table, its bars and the reading advice are filled in here; the page itself works as
 * a plain list of statements with links when JavaScript is off.
 */
(function () {
  "use strict";

  var STORE = "toolkit:scan";
  var WEAKEST = 2; /* how many of the lowest-scoring elements get reading advice */

  function load() {
    return toolkit.load(STORE);
  }

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "true";
    var result = document.querySelector(".toolkit-scan__result");
    var statements = Array.prototype.slice.call(form.querySelectorAll(".toolkit-scan__statement"));
    var answers = load();
    var message = toolkit.liveArea("toolkit-checklist__message");
    var notice = toolkit.liveArea("toolkit-checklist__message toolkit-unsaved");

    function save() {
      toolkit.keep(STORE, answers, notice, "Let op: deze browser bewaart je antwoorden niet, dus ze zijn weg als " +
        "je deze pagina verlaat. Bewaar de uitslag met 'Uitslag afdrukken' (op papier of als pdf).");
    }

    /* Show the answers in the radio buttons and the result. */
    function show() {
      statements.forEach(function (statement) {
        var saved = answers[statement.dataset.key];
        Array.prototype.forEach.call(statement.querySelectorAll("input[type=radio]"), function (radio) {
          radio.checked = radio.value === saved;
        });
      });
      score();
    }

    statements.forEach(function (statement) {
      Array.prototype.forEach.call(statement.querySelectorAll("input[type=radio]"), function (radio) {
        radio.addEventListener("change", function () {
          answers[statement.dataset.key] = radio.value;
          answers.date = new Date().toISOString();
          toolkit.withdraw(message);
          save();
          score();
        });
      });
    });

    function score() {
      var elements = Array.prototype.map.call(form.querySelectorAll(".toolkit-scan__element"), function (element) {
        var points = 0;
        var answered = 0;
        var weak = [];
        Array.prototype.forEach.call(element.querySelectorAll(".toolkit-scan__statement"), function (statement) {
          var value = answers[statement.dataset.key];
          if (value === undefined) return;
          answered += 1;
          points += Number(value);
          if (value !== "2") weak.push(statement);
        });
        var total = element.querySelectorAll(".toolkit-scan__statement").length;
        /* The advice compares the answered statements only (max), so a half-done element is not read as weak;
           the score and its bar count the whole element (full), so a half-done one never shows as complete. */
        return { id: element.dataset.element, title: element.dataset.title, points: points, max: answered * 2,
                 full: total * 2, answered: answered, total: total, weak: weak };
      });

      elements.forEach(function (element) {
        var row = result.querySelector('tr[data-element="' + element.id + '"]');
        var percent = Math.round((100 * element.points) / element.full);
        row.querySelector(".toolkit-scan__score").textContent = element.answered
          ? element.points + " van " + element.full + " punten (" + percent + "%)" +
            (element.answered < element.total
              ? ", deels ingevuld: " + element.answered + " van " + element.total + " stellingen beantwoord" : "")
          : "nog niet ingevuld";
        row.querySelector(".toolkit-scan__bar > span").style.width = percent + "%";
      });

      var date = result.querySelector(".toolkit-scan__date");
      if (answers.date) {
        date.textContent = "Ingevuld op " + new Date(answers.date).toLocaleDateString("nl-NL",
          { day: "numeric", month: "long", year: "numeric" }) + ".";
        date.hidden = false;
      } else {
        date.hidden = true;
      }
      advise(elements.filter(function (element) { return element.answered; }));
    }

    function advise(answered) {
      var advice = result.querySelector(".toolkit-scan__advice");
      advice.textContent = "";
      var weakest = answered
        .filter(function (element) { return element.weak.length; })
        .sort(function (a, b) { return a.points / a.max - b.points / b.max; })
        .slice(0, WEAKEST);
      var intro = document.createElement("p");
      if (!answered.length) {
        intro.textContent = "Beantwoord de stellingen hierboven; hier verschijnt dan welke paragrafen je het eerst kunt lezen.";
      } else if (!weakest.length) {
        intro.textContent = "Op alle beantwoorde stellingen scoren jullie 'ja'. Houd het zo: lees de routekaart om het vast te houden.";
      } else {
        intro.textContent = "Lees eerst over de elementen met de laagste score:";
      }
      advice.appendChild(intro);
      weakest.forEach(function (element) {
        var heading = document.createElement("h3");
        heading.textContent = element.title;
        var list = document.createElement("ul");
        element.weak.forEach(function (statement) {
          var item = document.createElement("li");
          /* The statement's own "Lees:" link, as MkDocs wrote it for this page. */
          var source = statement.querySelector(".toolkit-scan__more a");
          var link = document.createElement("a");
          link.href = source.getAttribute("href");
          link.textContent = source.textContent.replace(/^Lees: /, "");
          item.appendChild(link);
          list.appendChild(item);
        });
        advice.appendChild(heading);
        advice.appendChild(list);
      });
    }

    /* Print and reset, only where JavaScript runs. */
    var tools = document.createElement("div");
    tools.className = "toolkit-checklist__tools";
    var print = toolkit.button("Uitslag afdrukken", function () { window.print(); });
    var reset = toolkit.button("Antwoorden wissen", function () {
      var before = answers;
      answers = {};
      save();
      show();
      if (Object.keys(before).length) {
        toolkit.say(message, "Alle antwoorden zijn gewist.", function () {
          answers = before;
          save();
          show();
        }, "De antwoorden zijn teruggezet.", reset);
      } else {
        toolkit.say(message, "Er stonden geen antwoorden; er is niets gewist.");
      }
    });
    tools.appendChild(print);
    tools.appendChild(reset);
    result.appendChild(tools);
    result.appendChild(message);
    result.appendChild(notice);
    show();
  }

  toolkit.onPage("[data-scan]", setup);
})();
