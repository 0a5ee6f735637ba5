"""Where each piece of content lives on the site, and relative Markdown links to it.

Links point at the Markdown source files, so MkDocs checks every link and anchor at build time.
"""

from __future__ import annotations

import posixpath

from ...engine.kinds import KINDS
from . import paging

SECTION_PAGES = {kind.folder: kind.overview for kind in KINDS}
"""The overview page of each kind of item (macros/engine/kinds.py)."""

OWN_PAGE = {kind.folder for kind in KINDS if kind.own_pages}
"""Kinds whose items have a page of their own; the others are anchors on (a page of) the overview."""

LIST_PAGES = {**SECTION_PAGES, "all-checklists": "checklists/alle.md", "themes": "themas/index.md",
              "regions": "regios/index.md"}
"""The first page of each list that continues on further pages (keys of macros/site/render/paging.py)."""

KIND_LABELS = {kind.folder: (kind.singular, kind.plural) for kind in KINDS}
"""Each kind's Dutch label for one item and for the kind (macros/engine/kinds.py)."""


def target(index, ref: str) -> str:
    """The docs path (with anchor) of a reference such as ``routekaart/01-x#y`` or ``tips/01-x``: an
    item without a page of its own is an anchor on the page of its overview that shows it."""
    path, _, anchor = ref.partition("#")
    kind, _, item_id = path.partition("/")
    if kind in OWN_PAGE:
        page = f"{kind}/{item_id}.md"
        return f"{page}#{anchor}" if anchor else page
    return f"{list_page(kind, paging.lists(index)[kind].page_of(path))}#{item_id}"


def list_page(key: str, number: int) -> str:
    """The docs path of page ``number`` of a list (keys of macros/site/render/paging.py): the first page is the
    overview itself (or the theme's or region's page), page n is ``<that path without .md or
    index.md>/pagina/<n>.md``, e.g. ``tips/pagina/2.md``, ``themas/privacy/pagina/2.md``. The folder
    ``pagina`` keeps these paths apart from every item, theme and region (an id has no slash)."""
    kind, _, key_id = key.partition("/")
    first = {"theme": theme_page, "region": region_page}[kind](key_id) if key_id else LIST_PAGES[key]
    if number == 1:
        return first
    base = first[: -len("/index.md")] if first.endswith("/index.md") else first[: -len(".md")]
    return f"{base}/pagina/{number}.md"


def theme_page(theme_id: str) -> str:
    return f"themas/{theme_id}.md"


def region_page(region_id: str) -> str:
    return f"regios/{region_id}.md"


def relative(current: str, destination: str) -> str:
    """A link from the page ``current`` (docs path) to ``destination`` (docs path, maybe with #anchor)."""
    path, hash_, anchor = destination.partition("#")
    if path == current:
        return f"#{anchor}" if anchor else posixpath.basename(path)
    rel = _relpath(path, posixpath.dirname(current))
    return rel + (hash_ + anchor if anchor else "")


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two normalised docs paths, without asking the file system for the
    working folder (which made it a sixth of the time of rendering the pages)."""
    target, here = path.split("/"), start.split("/") if start else []
    common = 0
    while common < min(len(target), len(here)) and target[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + target[common:]) or "."


def md_link(text: str, current: str, destination: str) -> str:
    return f"[{escape(text)}]({relative(current, destination)})"


_LITERAL = str.maketrans({"[": "\\[", "]": "\\]", "{": "\\{", "}": "\\}"})


def escape(text: str) -> str:
    """Make a plain string (a title) safe to place inside Markdown link text or a heading: brackets
    and braces are backslash-escaped, so '[x]' is no link and '{{ naam }}' or '{#x}' no attribute list."""
    return text.translate(_LITERAL)


def heading(level: int, title: str, attrs: str = "") -> str:
    """A Markdown heading that shows ``title`` as it is, with ``attrs`` as its attribute list
    (e.g. '#01-tip' for its anchor)."""
    return f"{'#' * min(level, 6)} {escape(title)}" + (f" {{{attrs}}}" if attrs else "")


def page_url(docs_path: str) -> str:
    """The site path of a docs page with directory URLs: ``tips/index.md`` → ``tips/``, ``a/b.md`` → ``a/b/``."""
    path = docs_path[: -len("index.md")] if docs_path.endswith("index.md") else docs_path[:-3] + "/"
    return path


def file_href(current: str, site_path: str, directory_urls: bool = True) -> str:
    """A relative URL from a docs page to a file of the built site, such as ``checklists/pdf/x.pdf``."""
    here = page_url(current) if directory_urls else posixpath.dirname(current) + "/"
    return posixpath.relpath(site_path, here.rstrip("/") or ".")
