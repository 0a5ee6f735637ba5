"""The borgingsscan: a form of statements per routekaart element, scored in the browser by
overrides/assets/scan.js. Without JavaScript the statements and their links still show."""

from __future__ import annotations

import html

from ...engine.index import Index
from . import links

ANSWERS = (("0", "Nee"), ("1", "Deels"), ("2", "Ja"))


def scan(index: Index, current: str) -> str:
    out = ['<form class="toolkit-scan" data-scan="borgingsscan" markdown>']
    for number, (chapter, statements) in enumerate(index.scan, 1):
        out.append(links.heading(2, f"{number}. {chapter.title}", f"#{chapter.id}"))
        out.append(f'<div class="toolkit-scan__element" data-element="{chapter.id}" '
                   f'data-title="{html.escape(chapter.title)}" markdown>')
        for statement in statements:
            out.append(_statement(index, current, chapter.id, statement))
        out.append("</div>")
    out.append("</form>")
    out.append(_result(index))
    return "\n\n".join(out)


def _statement(index: Index, current: str, chapter_id: str, statement) -> str:
    name = f"s-{statement.key}"
    target = links.relative(current, links.target(index, statement.section.ref))
    options = "".join(
        f'<label class="toolkit-scan__answer"><input type="radio" name="{name}" value="{value}"> {label}</label>'
        for value, label in ANSWERS)
    return (f'<fieldset class="toolkit-scan__statement" data-key="{statement.key}" markdown="1">\n'
            f'<legend>{html.escape(statement.text)}</legend>\n'
            f'<div class="toolkit-scan__answers">{options}</div>\n'
            f'<p class="toolkit-scan__more" markdown="span">[Lees: {links.escape(statement.section.title)}]({target})</p>\n'
            f"</fieldset>")


def _result(index: Index) -> str:
    rows = "".join(
        f'<tr data-element="{chapter.id}"><th scope="row">{html.escape(chapter.title)}</th>'
        f'<td><span class="toolkit-scan__score">nog niet ingevuld</span>'
        f'<span class="toolkit-scan__bar" aria-hidden="true"><span></span></span></td></tr>'
        for chapter, _ in index.scan)
    return ("## Uitslag {#uitslag}\n\n"
            '<div class="toolkit-scan__result" markdown>\n\n'
            '<p class="toolkit-scan__date" hidden></p>\n\n'
            '<table class="toolkit-scan__chart"><caption>Score per element: nee telt 0, deels 1 en ja 2 punten</caption>'
            '<thead><tr><th scope="col">Element</th><th scope="col">Score</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>\n\n"
            '<div class="toolkit-scan__advice" aria-live="polite"><p>Beantwoord de stellingen hierboven; '
            "hier verschijnt dan welke paragrafen je het eerst kunt lezen.</p></div>\n\n"
            "</div>")
