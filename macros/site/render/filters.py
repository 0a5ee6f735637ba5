"""The filter above the overviews of tips, lessons, scenarios and checklists: by theme, and by group or phase
where the kind has one.

The render layer writes what the filter needs into the page: a form (hidden, so that without JavaScript every
item shows and no control that cannot work is offered) and on each item's container its id, its themes and its
group as data attributes. overrides/assets/filter.js shows the form, hides the items that do not match, keeps
the selection in the query string (``?thema=privacy&groep=belangrijk``) and offers the selection as CSV. The
filter works on the items of the page shown; on a list of several pages the form says so.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ...engine.index import Index
from ...engine.kinds import BY_FOLDER
from . import links, paging

THEME = "thema"
"""The query parameter (and checkbox name) of the themes: ``?thema=privacy&thema=casuistiek``."""

GROUP_CLASS = "toolkit-filter-group"
"""The container of a group heading and its items: filter.js hides it when all its items are hidden."""


@dataclass(frozen=True)
class Groups:
    """A second choice besides the theme: the tips' group, the checklists' phase."""

    parameter: str
    """Query parameter and checkbox name, in Dutch: "groep", "fase"."""

    legend: str
    """The fieldset's legend, and the CSV column's name in lower case."""

    options: tuple[tuple[str, str], ...]
    """(value, label) of each group on the page, in the page's order."""


def item_attributes(item_id: str, themes: list[str], group: str | None = None) -> str:
    """The data attributes of one item's container, as HTML attributes (ids and themes are slugs)."""
    out = f'data-id="{item_id}" data-themes="{" ".join(themes)}"'
    return out + (f' data-group="{group}"' if group else "")


def list_item(item_id: str, themes: list[str], group: str | None = None) -> str:
    """The same data attributes for an item of a Markdown list: an attr_list line to end the list item with."""
    return "\n  {: " + item_attributes(item_id, themes, group) + " }"


def item(attributes: str, parts: list[str]) -> str:
    """One item's Markdown inside a container with its data attributes (md_in_html)."""
    return _container(f'class="toolkit-filter-item" {attributes}', parts)


def group(parts: list[str], css_class: str = "") -> str:
    """A group heading and its items inside a container (with ``css_class`` besides its own) that the filter
    hides when all its items are hidden."""
    return _container(f'class="{" ".join(filter(None, (css_class, GROUP_CLASS)))}"', parts)


def _container(attributes: str, parts: list[str]) -> str:
    return f"<div {attributes} markdown>\n\n" + "\n\n".join(part for part in parts if part) + "\n\n</div>"


def form(index: Index, kind: str, key: str, page: int, shown: list[dict], groups: Groups | None = None) -> str:
    """The filter form of page ``page`` of the list ``key`` of ``kind``, whose items' data are ``shown``: a checkbox
    for each theme they carry (in the order of themes.yml) and for each of ``groups``, where there is more than one
    to choose from; "" when there is nothing to choose."""
    used = {theme for data in shown for theme in data.get("themes") or []}
    themes = [(theme_id, index.themes[theme_id]["title"]) for theme_id in index.themes if theme_id in used]
    choices = [(THEME, "Thema", themes, "themes")]
    if groups:
        choices.append((groups.parameter, groups.legend, groups.options, "group"))
    fields = [_fieldset(*choice) for choice in choices if len(choice[2]) > 1]  # one option would choose nothing
    if not fields:
        return ""
    noun = BY_FOLDER[kind].count_word
    paged = paging.lists(index)[key]
    scope = ""
    if paged.pages > 1:
        scope = (f'<p class="toolkit-filter__scope">Dit filter kiest uit de {noun} op deze pagina (pagina {page} '
                 f"van {paged.pages}). Alles met één thema staat bij elkaar op de pagina van dat thema.</p>\n")
    folder = links.SECTION_PAGES[kind].split("/")[0]
    label = f"{BY_FOLDER[kind].plural} filteren"
    legends = " en ".join(choice[1].lower() for choice in choices if len(choice[2]) > 1)
    return (f'<form class="toolkit-filter" data-filter="{folder}" data-singular="{BY_FOLDER[kind].singular}" '
            f'data-noun="{html.escape(noun)}" aria-label="{html.escape(label)}" hidden>\n'
            # folded, so that on a phone the list comes first; filter.js opens it while something is chosen
            f'<details class="toolkit-filter__choices">\n<summary>Kies op {legends}</summary>\n'
            + scope + "\n".join(fields) + "\n</details>\n"
            '<p class="toolkit-filter__status" role="status"></p>\n'
            '<p class="toolkit-filter__tools">'
            '<button type="button" class="md-button" data-action="all">Alle tonen</button> '
            '<button type="button" class="md-button" data-action="csv">Download als CSV</button> '
            '<button type="button" class="md-button" data-action="print">Afdrukken</button></p>\n'
            "</form>")


def _fieldset(name: str, legend: str, options, attribute: str) -> str:
    """Checkboxes named ``name`` that compare with each item's data-``attribute``."""
    boxes = "\n".join(f'<label class="toolkit-filter__option"><input type="checkbox" name="{name}" value="{value}"> '
                      f"{html.escape(label)}</label>" for value, label in options)
    return f'<fieldset class="toolkit-filter__field" data-attribute="{attribute}">\n<legend>{legend}</legend>\n{boxes}\n</fieldset>'
