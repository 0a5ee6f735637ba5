"""The macros that pages call: thin bindings of the renderers to the page being rendered."""

from __future__ import annotations

from mkdocs.utils import get_build_datetime

from . import opendata
from .config import Options, offline
from ..engine.index import Index
from ..engine.kinds import BY_FOLDER
from .render import booklet, checklist, items, links, overviews, scan
from .render import news


class Site:
    """Renders content for the current page; every public method is a macro of the same name."""

    MACROS = ("tips_overview", "lessons_overview", "bouwstenen_overview", "scenarios_overview", "kind_overview",
              "scenario_page", "chapter_page", "item_page", "themes_overview", "theme_page", "whats_new",
              "regions_overview", "region_page", "glossary_list", "sources_list", "routemap", "contact_block",
              "source_intro", "checklists_overview", "checklist_page", "all_checklists", "borgingsscan", "region_name",
              "routekaart_booklet")

    MACROS += ("open_data_files", "open_data_license")

    def __init__(self, index: Index, options: Options, env, page: str | None = None):
        self.index, self.options, self.env, self.page = index, options, env, page
        opendata.use_namespace(index, opendata.Namespace.of(options))  # whose items: the identifier lines

    @property
    def current(self) -> str:
        """The docs path of the page being rendered: the fixed ``page``, else mkdocs-macros' page."""
        return self.page or self.env.page.file.src_uri

    def on_page(self, page: str) -> "Site":
        """The same macros, rendering for the page at docs path ``page`` (used outside a page build)."""
        return Site(self.index, self.options, self.env, page)

    def macros(self) -> dict:
        """Macro name → bound method, as pages call them."""
        return {name: getattr(self, name) for name in self.MACROS}

    def tips_overview(self, page=1): return items.tips(self.index, self.current, self.options.edit_base, page)
    def lessons_overview(self, page=1): return items.lessons(self.index, self.current, self.options.edit_base, page)
    def bouwstenen_overview(self, page=1): return items.bouwstenen(self.index, self.current, self.options.edit_base, page)
    def scenarios_overview(self, page=1): return items.overview(self.index, self.current, "scenarios", page)
    def kind_overview(self, kind, page=1):
        """The overview of any kind in macros/engine/kinds.py that has none of its own: a list of links to the
        items' pages, or the items themselves under their headings."""
        if BY_FOLDER[kind].own_pages:
            return items.overview(self.index, self.current, kind, page)
        return items.anchored(self.index, self.current, kind, self.options.edit_base, page)
    def scenario_page(self, item_id): return items.page(self.index, self.current, "scenarios", item_id)
    def chapter_page(self, item_id): return items.page(self.index, self.current, "routekaart", item_id)
    def item_page(self, kind, item_id): return items.page(self.index, self.current, kind, item_id)
    def themes_overview(self, page=1): return overviews.themes_index(self.index, self.current, page)
    def theme_page(self, theme_id, page=1): return overviews.theme_page(self.index, self.current, theme_id, page)
    def regions_overview(self, page=1): return overviews.regions_index(self.index, self.current, page)
    def region_page(self, region_id, page=1): return overviews.region_page(self.index, self.current, region_id, page)
    def glossary_list(self):
        """The glossary, with its schema.org markup (a DefinedTermSet) for search engines."""
        markup = overviews.defined_term_set(opendata.glossary_terms(self.index), opendata.SCHEME_IDENTIFIER,
                                            "Begrippen en afkortingen")
        return overviews.glossary(self.index) + "\n\n" + markup
    def open_data_files(self):
        """The Open data page's list of the files under /data/ (macros/site/opendata.py), as links."""
        return opendata.file_list(self.index, self.current, self.env.conf.get("use_directory_urls", True))
    def open_data_license(self):
        """The licence of the content (extra.toolkit.license) as a link."""
        return f"[{self.options.license.name}]({self.options.license.url})"
    def sources_list(self): return overviews.sources(self.index, self.current)
    def routemap(self, page=1):
        shown = not self.offline and self.index.of_kind("routekaart")  # the offline zip has no PDFs
        pdf = links.file_href(self.current, booklet.PDF, self.directory_urls) if shown else ""
        return overviews.routemap(self.index, self.current, page, pdf)
    def routekaart_booklet(self):
        """The routekaart as one page to print (``toolkit pdf``), dated the day of the build."""
        return booklet.booklet(self.index, self.current, self.options.region, get_build_datetime().astimezone().date())
    def source_intro(self, section): return items.source_intro(self.index, section)[0]
    def checklists_overview(self, page=1): return checklist.overview(self.index, self.current, page)
    def checklist_page(self, cid):
        return checklist.page(self.index, self.current, cid, self.site_url, self.directory_urls,
                              self.offline)
    def all_checklists(self, page=1):
        return checklist.all_checklists(self.index, self.current, self.site_url, self.directory_urls,
                                        page, self.offline)
    def borgingsscan(self): return scan.scan(self.index, self.current)
    def whats_new(self):
        """What changed in the content, by day, from its git history (docs/nieuw.md)."""
        return news.page(news.site_history(self.options, self.index), self.index, self.current,
                         self.env.conf.get("use_directory_urls", True))

    @property
    def site_url(self) -> str:
        return self.env.conf.get("site_url") or ""

    @property
    def directory_urls(self) -> bool:
        return self.env.conf.get("use_directory_urls", True)

    @property
    def offline(self) -> bool:
        """Built for opening from disk (see config.offline)."""
        return offline(self.env.conf)

    def contact_block(self):
        """The region's contact and (unless switched off) the national one, from mkdocs.yml."""
        blocks = []
        if self.options.contact:
            blocks.append(_contact(self.options.contact, self.options.region))
        if self.options.national_contact and (self.options.show_national_contact or not blocks):
            blocks.append(_contact(self.options.national_contact, "Landelijk" if self.options.contact else ""))
        return "\n\n".join(blocks)

    def region_name(self):
        return self.options.region


def _contact(contact: dict, heading: str) -> str:
    lines = [f"**{heading}**"] if heading else []
    lines.append(contact.get("text", "Meer weten? Neem contact op."))
    if contact.get("name"):
        lines.append(f"**{contact['name']}**")
    if contact.get("phone"):
        digits = "".join(c for c in contact["phone"] if c.isdigit() or c == "+")
        lines.append(f"Telefoon: [{contact['phone']}](tel:{digits})")
    if contact.get("email"):
        lines.append(f"E-mail: <{contact['email']}>")
    return '<div class="toolkit-contact" markdown>\n\n' + "  \n".join(lines) + "\n\n</div>"
