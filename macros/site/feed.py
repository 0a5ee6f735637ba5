"""After the build (macros/site/outputs.py): the Atom feed of "Wat is er nieuw" and the redirect pages of items that moved.

feed.xml (RFC 4287) sits at the site's root; every page's head links to it (overrides/main.html). It holds the newest
MAX_ENTRIES changes of macros/site/render/news.py, one entry per item per day, newest first:

- Links. With a real site_url (macros/publish/address.py) they are absolute. Without one (or with the local default
  for `mkdocs serve`) they are relative to feed.xml, which sits at the root: a feed reader resolves them against the
  address it fetched the feed from (RFC 4287 section 1.2 with xml:base, RFC 3986), so the feed works wherever the site
  is hosted. The offline bundle gets the same file, with its links to .html pages.
- Ids. An entry's id is a name-based UUID (urn:uuid:, RFC 4122 version 5) of the day and the item's file, so it is the
  same in every build and does not change when site_url does; a later change on the same day updates that entry.
  The feed's own id is its absolute address with a real site_url, else a UUID of the site's name.
- Dates. ``updated`` of an entry is its newest commit; the feed's is its newest entry, or, with no entries (no
  history), the time of the build (SOURCE_DATE_EPOCH when set, for reproducible builds).
- Author: the site (site_name); editors' names in git are not published.

Redirects: when an item with a page of its own (Kind.own_pages: scenarios, routekaart, checklists) got another id,
its old address gets a small page that sends the visitor on (meta refresh, canonical link, a visible link). A page
that exists in the built site is never overwritten. An item without a page of its own is an anchor on its overview
(tips/#01-x): a server cannot redirect an anchor, so there is no page to write; "Wat is er nieuw" links its new
place.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import uuid
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

from ..engine.history import SHALLOW, UNAVAILABLE, History
from ..engine.index import Index
from ..engine.kinds import BY_FOLDER
from ..publish.address import is_local
from .render import links, news

FEED = "feed.xml"
MAX_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"

SUMMARIES = {"Nieuw": "Toegevoegd op {day}.", "Bijgewerkt": "Bijgewerkt op {day}.",
             "Verhuisd": "Op {day} verhuisd naar een nieuw adres.",
             "Verwijderd": "Verwijderd op {day}; het staat niet meer op de site."}
"""An entry's summary, by the word the page uses (news.WORDS); the entry's title names what changed."""

log = logging.getLogger("mkdocs.toolkit")


def write(config, options, index: Index) -> None:
    """The writer of macros/site/outputs.py: feed.xml and the redirect pages, from the content's git history."""
    history = news.site_history(options, index)
    if history.state == UNAVAILABLE:
        log.info("Wat is er nieuw: geen git-geschiedenis gevonden; de pagina zegt dat en de feed heeft geen berichten.")
    elif history.state == SHALLOW:
        log.info("Wat is er nieuw: de git-geschiedenis is onvolledig (ondiepe kopie); de pagina zegt dat.")
    site_dir = Path(config["site_dir"])
    directory_urls = config.get("use_directory_urls", True)
    base = "" if is_local(config.get("site_url")) else config["site_url"].rstrip("/") + "/"
    (site_dir / FEED).write_bytes(feed(history, index, config["site_name"], base, directory_urls))
    redirects(history, index, site_dir, base, directory_urls)


def url(docs_path: str, directory_urls: bool = True) -> str:
    """The site path of a docs page (with its #anchor), as MkDocs gives it: 'tips/index.md#x' → 'tips/#x', or
    without directory URLs (the offline bundle) 'tips/index.html#x'."""
    path, hash_, anchor = docs_path.partition("#")
    path = links.page_url(path) if directory_urls else path[: -len(".md")] + ".html"
    return path + hash_ + anchor


def feed(history: History, index: Index, site_name: str, base: str = "", directory_urls: bool = True,
         now: datetime | None = None) -> bytes:
    """The Atom document (UTF-8) of the newest MAX_ENTRIES changes; ``base`` is the site's address ('' for links
    relative to the feed)."""
    changes = news.shown(history)[:MAX_ENTRIES] if history.state != UNAVAILABLE else []
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    feed_id = base + FEED if base else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'toolkit-feed:' + site_name)}"
    _text(root, "id", feed_id)
    _text(root, "title", f"{site_name}: wat is er nieuw")
    subtitle = {UNAVAILABLE: news.UNAVAILABLE_NOTE, SHALLOW: news.SHALLOW_NOTE}.get(
        history.state, "Wat er is toegevoegd, bijgewerkt en verwijderd in de inhoud van de toolkit.")
    _text(root, "subtitle", subtitle)
    if changes:
        updated = max(change.time for change in changes)
    else:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        updated = now or datetime.fromtimestamp(int(epoch) if epoch.isdigit() else datetime.now().timestamp(),
                                                timezone.utc)
    _text(root, "updated", _stamp(updated))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": base + FEED})
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                            "href": base + url(news.PAGE, directory_urls)})
    for change in changes:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        name = f"toolkit-change:{change.day.isoformat()}:{change.key}"
        _text(entry, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}")
        word = news.word(change)
        _text(entry, "title", f"{news.label(change)} ({word.lower()})")
        _text(entry, "updated", _stamp(change.time))
        target = news.destination(index, change) or f"{news.PAGE}#{news.day_anchor(change.day)}"
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                                 "href": base + url(target, directory_urls)})
        _text(entry, "summary", SUMMARIES[word].format(day=news.dutch_date(change.day)))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent, tag: str, text: str):
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def _stamp(when: datetime) -> str:
    """An RFC 3339 date-time, to the second, with its offset: '2026-11-30T15:49:49+01:00'."""
    return when.replace(microsecond=0).isoformat()


REDIRECT = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verhuisd: {title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={href}">
<link rel="canonical" href="{canonical}">
</head>
<body>
<main>
<h1>Verhuisd: {title}</h1>
<p>Deze pagina is verhuisd naar <a href="{href}">{title}</a>.</p>
</main>
</body>
</html>
"""
"""The page at an old address: the browser goes on at once (delay 0, which WCAG 2.2.1 allows), and a visitor
whose browser does not, follows the link; search engines take the canonical address."""


def redirects(history: History, index: Index, site_dir: Path, base: str = "", directory_urls: bool = True) -> list[Path]:
    """Write a redirect page at the old address of every item that moved (History.moves), unless the site has a
    page there; returns the files written."""
    written = []
    for move in history.moves:
        if not BY_FOLDER[move.kind].own_pages:  # an anchor on an overview: the overview keeps the old id (items.py)
            continue
        old = url(f"{move.kind}/{move.old_id}.md", directory_urls)
        file = site_dir / (old + "index.html" if old.endswith("/") else old)
        if file.exists():
            continue
        new = url(links.target(index, move.ref), directory_urls)
        href = html.escape(_relative(old, new, directory_urls), quote=True)
        canonical = html.escape(base + new, quote=True) if base else href
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(REDIRECT.format(title=html.escape(move.title), href=href, canonical=canonical),
                        encoding="utf-8")
        written.append(file)
    return written


def _relative(old: str, target: str, directory_urls: bool) -> str:
    """The link from the page at site path ``old`` to site path ``target`` (with anchor)."""
    here = old if directory_urls else posixpath.dirname(old) + "/"
    path, hash_, anchor = target.partition("#")
    rel = posixpath.relpath(path or ".", here.rstrip("/") or ".")
    if path.endswith("/") or not path:
        rel = rel.rstrip("/") + "/"
    return rel + hash_ + anchor
