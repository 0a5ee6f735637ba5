"""Content blocks (text, actions, lists, examples, quotes, scenario tables) as Markdown."""

from __future__ import annotations

import html

from ...engine.index import UNKNOWN_LINK_RE
from . import links


def text(value: str) -> str:
    """Content Markdown, with links whose address is still unknown shown as plain text."""
    return UNKNOWN_LINK_RE.sub(r"\1", value.strip())


def indent(value: str, by: int = 4) -> str:
    pad = " " * by
    return "\n".join(pad + line if line.strip() else "" for line in value.splitlines())


def list_items(items: list, ordered: bool = False) -> str:
    lines = []
    for number, entry in enumerate(items, 1):
        marker = f"{number}." if ordered else "-"
        body, points = (entry, []) if isinstance(entry, str) else (entry["text"], entry.get("points", []))
        lines.append(f"{marker} " + text(body).replace("\n", "\n    "))
        for point in points:
            lines.append("    - " + text(point).replace("\n", "\n      "))
    return "\n".join(lines)


def render_list(block: dict, css: str) -> str:
    parts = []
    if block.get("lead"):
        parts.append(text(block["lead"]))
    parts.append(f'<div class="{css}" markdown>\n\n{list_items(block["items"], block.get("ordered", False))}\n\n</div>')
    return "\n\n".join(parts)


def example(block: dict, current: str, regions: dict) -> str:
    """An example block; one about example regions is titled with them and links to their pages, one
    from elsewhere (a gemeente, an organisation) is titled "Voorbeeld" and names no region."""
    ids = block.get("regions") or []
    title = "Voorbeeld uit " + _join([regions[r]["name"] for r in ids]) if ids else "Voorbeeld"
    body = text(block["text"])
    if ids:
        more = ", ".join(links.md_link(regions[r]["name"], current, links.region_page(r)) for r in ids)
        body += f"\n\nMeer voorbeelden uit {more}"
    return f'!!! example "{html.escape(title)}"\n\n{indent(body)}'


def quote(value: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text(value).splitlines())


SCENARIOS = "Scenario&#39;s"
"""The heading of the scenario column in both scenario tables, as the source has it (HTML-escaped)."""

# The scenario tables are HTML, so that they are accessible (scope, rowspan) and reflow on phones
# (data-label), with Markdown in every cell like every other text field. Python-Markdown's md_in_html
# parses it: `markdown="span"` on the table makes its content inline Markdown, and every element in it
# that carries a `markdown` attribute (tbody, tr, th, td, and the ul and li in a cell) inherits that;
# an element without one is left raw with everything in it (the thead, whose headings are fixed text).
# The caption is not a block-level element to Python-Markdown, so it takes no attribute: in the
# span-parsed table it is inline HTML around inline Markdown, without the <p> that a block-parsed
# table puts around it. md_in_html only takes a tag for an element when it starts a line or follows
# its parent's start tag with nothing but elements in between: hence the line breaks.


def options_table(block: dict) -> str:
    """Variatie in → scenario's → overwegingen, as an accessible HTML table that reflows on phones."""
    rows = []
    for row in block["rows"]:
        options = row["options"]
        body = []
        for i, option in enumerate(options):
            head = (f'<th scope="rowgroup" rowspan="{len(options)}" markdown>{_cell(row["dimension"])}</th>'
                    if i == 0 else "")
            body.append(f'<tr markdown>{head}<td data-label="{SCENARIOS}" markdown>{_cell(option["scenario"])}</td>'
                        f'<td data-label="Overwegingen" markdown>{_cell_list(option["considerations"])}</td></tr>')
        rows.append("<tbody markdown>\n" + "\n".join(body) + "\n</tbody>")
    head = f'<thead><tr><th scope="col">Variatie in</th><th scope="col">{SCENARIOS}</th><th scope="col">Overwegingen</th></tr></thead>'
    return _table(block, head, rows, "toolkit-options")


def situations_table(block: dict) -> str:
    """Scenario (the situation in a region) → aanpak, as an accessible HTML table that reflows on phones.
    The column headings are the source's own ("Scenario's", "Aanpak")."""
    rows = []
    for row in block["rows"]:
        rows.append(f'<tr markdown><th scope="row" markdown>{_cell(row["situation"])}</th>'
                    f'<td data-label="Aanpak" markdown>{_cell_list(row["approach"])}</td></tr>')
    head = f'<thead><tr><th scope="col">{SCENARIOS}</th><th scope="col">Aanpak</th></tr></thead>'
    return _table(block, head, ["<tbody markdown>\n" + "\n".join(rows) + "\n</tbody>"], "toolkit-situations")


def _table(block: dict, head: str, bodies: list[str], css: str) -> str:
    caption = f"<caption>{_cell(block['caption'])}</caption>\n" if block.get("caption") else ""
    return (f'<div class="toolkit-table" markdown>\n<table class="{css}" markdown="span">\n{caption}{head}\n'
            + "\n".join(bodies) + "\n</table>\n</div>")


def _cell_list(values: list[str]) -> str:
    return "<ul markdown>" + "".join(f"<li markdown>{_cell(v)}</li>" for v in values) + "</ul>"


def _cell(value: str) -> str:
    """A cell's Markdown on one line: md_in_html would take a line starting with a block-level tag as HTML."""
    return text(value).replace("\n", " ")


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def render(block: dict, current: str, regions: dict) -> str:
    """One block of any kind."""
    kind, value = next(iter(block.items()))
    if kind == "text":
        return text(value)
    if kind == "actions":
        return render_list(value, "toolkit-actions")
    if kind == "list":
        return render_list(value, "toolkit-list")
    if kind == "example":
        return example(value, current, regions)
    if kind == "quote":
        return quote(value)
    if kind == "options_table":
        return options_table(value)
    return situations_table(value)
