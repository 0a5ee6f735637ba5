"""Open data: a stable identifier for every item, and the files under /data/ in the built site.

Identifiers are URNs in the style of the Dutch Algoritmekader (``urn:nl:ak:mtr:owp-01``): the toolkit's
namespace, the kind's folder and the item's id, so ``tips/01-projectleiderschap`` is
``urn:nl:tgw:tips:01-projectleiderschap``. They follow from the file name alone, so they stay the same in
every copy of the toolkit (a region's site shows the national tips under the same identifier) and on every
address the site moves to. A region's own items (its regio/ folder, also a file that replaces a national one)
are the region's, not the toolkit's: ``urn:nl:tgw:regio:<region>:<kind>:<id>``, with the region's name from
``extra.toolkit.region`` (``Regio Twente`` → ``twente``). docs/open-data.md explains this to reusers.

``write`` (registered in macros/site/outputs.py) writes, after MkDocs has written the site, into ``data/``:
per kind of macros/engine/kinds.py a JSON file, a CSV file and an ODS file; ``toolkit.json`` with everything;
the JSON Schemas; the glossary as SKOS (``begrippen.jsonld``); and a DCAT-AP-NL 3.0 catalog
(``catalogus.jsonld``) of these files. Nothing in them asks another host for anything: JSON-LD contexts are
inline.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import shutil
import zipfile
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from weakref import WeakKeyDictionary

from ..engine.index import Index, Item
from ..engine.kinds import BY_FOLDER, KINDS
from ..engine.validate import SCHEMA_DIR
from .config import Options
from .render import blocks, links

NAMESPACE = "urn:nl:tgw"
"""The toolkit's URN namespace: 'tgw', toolkit GGZ en werk."""

DATA_DIR = "data"
"""Where the files go in the built site."""

ALL_FILE = "toolkit.json"
CATALOG_FILE = "catalogus.jsonld"
SKOS_FILE = "begrippen.jsonld"
SCHEMA_FOLDER = "schema"

LIST_SEPARATOR = "; "
"""How a list (themes, regions, related items) stands in one cell of the CSV and ODS files; ids never hold it."""

COLUMNS = (("identificatie", "identifier"), ("id", "id"), ("titel", "title"), ("adres", "address"),
           ("tekst", "text"), ("themas", "themes"), ("regios", "regions"), ("verwant", "related"),
           ("bron", "source"), ("herkomst", "origin"))
"""The columns of the CSV and ODS files: (Dutch heading, key of the item's record); the address is the full
one when the site has a site_url."""

FORMATS = {
    "json": ("application/json", "JSON"),
    "csv": ("text/csv", "CSV"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ODS"),
    "jsonld": ("application/ld+json", "JSON_LD"),
}
"""File extension → (IANA media type, code in the EU file-type list), for the catalog."""

_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
_LANGUAGE = "http://publications.europa.eu/resource/authority/language/NLD"
_PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
_THEMES = ("http://publications.europa.eu/resource/authority/data-theme/SOCI",
           "http://publications.europa.eu/resource/authority/data-theme/HEAL")
"""The EU data themes of every dataset: population and society (work), health."""

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}
"""The JSON-LD context of the catalog and the SKOS file, inline: reading them fetches nothing."""


# --- identifiers -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Namespace:
    """Whose items are whose: the region's name (``extra.toolkit.region``) and the folder name of its own
    content (``extra.toolkit.overlay``), if the site has one."""

    region: str = ""
    overlay: str | None = None

    @classmethod
    def of(cls, options: Options) -> "Namespace":
        return cls(options.region, options.overlay.name if options.overlay else None)

    def own(self, item: Item) -> bool:
        """Whether the item comes from the region's own folder (new, or replacing a national file)."""
        return self.overlay is not None and item.doc.layer == self.overlay

    def identifier(self, item: Item) -> str:
        if self.own(item):
            return f"{NAMESPACE}:regio:{region_slug(self.region)}:{item.kind}:{item.id}"
        return f"{NAMESPACE}:{item.kind}:{item.id}"


def region_slug(region: str) -> str:
    """The region's part of its own items' identifiers: its name in lower-case ASCII words joined by '-', without
    a leading 'regio' ('Regio Twente' → 'twente'); 'onbekend' without a name."""
    words = _words(region)
    if words[:1] == ["regio"] and len(words) > 1:
        words = words[1:]
    return "-".join(words) or "onbekend"


def _words(text: str) -> list[str]:
    """The words of ``text`` in lower-case ASCII ('Cliënt & werk' → ['client', 'werk'])."""
    import unicodedata

    return re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())


def term_identifier(term: str) -> str:
    """The identifier of a glossary term: ``urn:nl:tgw:begrip:<term in lower-case words joined by '-'>``."""
    return f"{NAMESPACE}:begrip:{'-'.join(_words(term)) or 'onbekend'}"


SCHEME_IDENTIFIER = f"{NAMESPACE}:begrippen"
"""The identifier of the glossary as a whole (SKOS ConceptScheme, schema.org DefinedTermSet)."""

_namespaces: WeakKeyDictionary = WeakKeyDictionary()


def use_namespace(index: Index, namespace: Namespace) -> None:
    """Tell the render layer whose items the index holds (macros/site/bindings.py does, for each build)."""
    _namespaces[index] = namespace


def identifier(index: Index, item: Item) -> str:
    return _namespaces.get(index, Namespace()).identifier(item)


def identifier_line(index: Index, item: Item) -> str:
    """The line at the end of an item on the site: 'Identificatie: urn:nl:tgw:tips:01-x'."""
    return f"Identificatie: {identifier(index, item)}\n{{: .toolkit-meta .toolkit-identifier }}"


# --- the records -------------------------------------------------------------------------------------------

def site_path(docs_path: str, directory_urls: bool = True) -> str:
    """The URL path (relative to the site's root) of a docs path with optional anchor:
    ``tips/index.md#x`` → ``tips/#x`` (or ``tips/index.html#x`` without directory URLs)."""
    path, hash_, anchor = docs_path.partition("#")
    if directory_urls:
        url = links.page_url(path)
    else:
        url = path[:-3] + ".html"
    return url + hash_ + anchor


def absolute(site_url: str, path: str) -> str:
    """``path`` (relative to the site's root) as a full address, or "" when the site has no site_url."""
    return urljoin(site_url.rstrip("/") + "/", path) if site_url else ""


def item_markdown(index: Index, item: Item, current: str) -> str:
    """The item's own content as Markdown, as the site shows it but without navigation and meta lines;
    links relative to the docs page ``current``."""
    data = item.data
    out = []
    for name in ("tagline", "intro", "text"):
        if data.get(name):
            out.append(blocks.text(data[name]))
    for name in ("points", "insights"):
        if data.get(name):
            out.append(blocks.list_items(data[name]))
    for group in data.get("groups", []):
        out += [links.heading(2, group["title"]), blocks.list_items(group["items"])]
    out += [blocks.render(block, current, index.regions) for block in data.get("body", [])]
    out += _sections(index, current, data.get("sections", []), 2)
    checklist = index.checklists.get(item.id) if item.kind == "checklists" else None
    if checklist is not None:
        out.append(blocks.list_items([{"text": p.text, "points": list(p.points)} for p in checklist.points]))
    return "\n\n".join(part for part in out if part)


def _sections(index: Index, current: str, sections: list, level: int) -> list[str]:
    out = []
    for section in sections:
        out.append(links.heading(level, section["title"]))
        out += [blocks.render(block, current, index.regions) for block in section.get("body", [])]
        out += _sections(index, current, section.get("sections", []), level + 1)
    return out


def markdown_renderer(config):
    """Python-Markdown with the site's own extensions and their settings (mkdocs.yml), without the toc's
    permalink signs; abbreviations get their explanation as on the site."""
    import markdown

    configs = {name: dict(settings) for name, settings in (config.get("mdx_configs") or {}).items()}
    if "toc" in configs:
        configs["toc"]["permalink"] = False
    return markdown.Markdown(extensions=list(config.get("markdown_extensions") or []), extension_configs=configs)


_HREF = re.compile(r'href="([^"]*)"')


def _absolute_links(html_text: str, current: str, directory_urls: bool, site_url: str) -> str:
    """Links in rendered HTML that point at docs pages (``../regios/twente.md``) as addresses on the site:
    full ones with site_url, else relative to the site's root."""
    def rewrite(match):
        href = match.group(1)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
            return match.group(0)
        docs = posixpath.normpath(posixpath.join(posixpath.dirname(current), parts.path))
        path = site_path(docs + (f"#{parts.fragment}" if parts.fragment else ""), directory_urls)
        return f'href="{absolute(site_url, path) or path}"'
    return _HREF.sub(rewrite, html_text)


class _Text(HTMLParser):
    """Plain text of HTML: a line per paragraph, heading and list item ('- ' before each item)."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote", "dl", "dt",
              "dd", "caption", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(html_text: str) -> str:
    """The text of HTML without markup, one line per block, spaces collapsed."""
    parser = _Text()
    parser.feed(html_text)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def shown_fields(index: Index, data):
    """An item's fields as the site shows them: without the references to items a region hides (regio/hidden.yml),
    which the site drops too (a ``related`` entry, a checklist's ``from``)."""
    def hidden(value) -> bool:
        ref = value.get("from") if isinstance(value, dict) and set(value) <= {"from", "only"} else value
        return isinstance(ref, str) and ref.partition("#")[0] in index.hidden

    if isinstance(data, dict):
        return {key: shown_fields(index, value) for key, value in data.items()}
    if isinstance(data, list):
        return [shown_fields(index, value) for value in data if not hidden(value)]
    return data


def records(index: Index, config, namespace: Namespace) -> dict[str, list[dict]]:
    """Kind folder → a record per item, in the site's order: identifier, id, kind, title, url (relative to the
    site; ``absolute_url`` too with site_url), origin, themes, regions, related, source, html, text and
    ``fields`` (the item's YAML as it is, valid against content/schema/<schema>.schema.json)."""
    directory_urls = config.get("use_directory_urls", True)
    site_url = config.get("site_url") or ""
    renderer = markdown_renderer(config)
    regions_of: dict[str, list[str]] = {}
    for region_id, mentions in index.by_region.items():
        for mention in mentions:
            regions_of.setdefault(mention.item.ref, [])
            if region_id not in regions_of[mention.item.ref]:
                regions_of[mention.item.ref].append(region_id)
    out = {}
    for kind in KINDS:
        rows = []
        for item in index.of_kind(kind.folder):
            target = links.target(index, item.ref)
            page = target.partition("#")[0]
            renderer.reset()
            html_text = _absolute_links(renderer.convert(item_markdown(index, item, page)), page, directory_urls,
                                        site_url)
            own_refs = [item.ref] + [section.ref for section in item.sections.values()]
            themes = list(dict.fromkeys(t for data in [item.data, *(s.data for s in item.sections.values())]
                                        for t in data.get("themes") or []))
            related = list(dict.fromkeys(ref for own in own_refs for ref in index.related.get(own, [])
                                         if ref.partition("#")[0] != item.ref))
            url = site_path(target, directory_urls)
            record = {"identifier": namespace.identifier(item), "id": item.id, "kind": kind.folder,
                      "title": item.title, "url": url}
            if site_url:
                record["absolute_url"] = absolute(site_url, url)
            record.update({
                "origin": "regio" if namespace.own(item) else "landelijk",
                "themes": themes, "regions": regions_of.get(item.ref, []), "related": related,
                "related_identifiers": list(dict.fromkeys(
                    namespace.identifier(index.lookup(ref)[0]) for ref in related)),
                "source": item.data.get("source", ""), "html": html_text, "text": plain_text(html_text),
                "fields": shown_fields(index, item.data),
            })
            rows.append(record)
        out[kind.folder] = rows
    return out


def cells(record: dict) -> list[str]:
    """One row of the CSV and ODS files (see COLUMNS): lists joined by LIST_SEPARATOR."""
    values = {**record, "address": record.get("absolute_url") or record["url"]}
    return [LIST_SEPARATOR.join(values[key]) if isinstance(values[key], list) else str(values[key])
            for _, key in COLUMNS]


def csv_text(rows: list[dict]) -> str:
    """A CSV file (RFC 4180: commas, quotes where needed, CRLF) with a heading row and a row per item."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([heading for heading, _ in COLUMNS])
    writer.writerows(cells(record) for record in rows)
    return buffer.getvalue()


def ods_bytes(rows: list[dict], sheet: str, day: date) -> bytes:
    """An OpenDocument spreadsheet (odfpy, as pandas writes them) with one sheet: a heading row and a row per
    item; a cell's lines are paragraphs. The same content gives the same bytes: odfpy stamps every file in the
    zip with the time of writing, which is set to ``day`` here; and it declares the XML namespaces that any
    document in the process has used so far (a class attribute), so the list is emptied first and the document
    written twice, the second time with the namespaces that writing it adds."""
    from odf.element import Element
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    Element.namespaces.clear()
    doc = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for values in [[heading for heading, _ in COLUMNS], *(cells(record) for record in rows)]:
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            for line in value.split("\n"):
                cell.addElement(P(text=line))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(io.BytesIO())
    written = io.BytesIO()
    doc.save(written)
    return _restamp(written.getvalue(), (day.year, day.month, day.day, 0, 0, 0))


def _restamp(data: bytes, stamp: tuple) -> bytes:
    """The zip ``data`` with every entry dated ``stamp``, in the same order and compression."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, stamp)
            copy.compress_type, copy.external_attr = info.compress_type, info.external_attr
            target.writestr(copy, source.read(info))
    return out.getvalue()


# --- glossary ----------------------------------------------------------------------------------------------

def glossary_terms(index: Index) -> list[dict]:
    """The glossary in alphabetical order, each term with its identifier and its description as plain text."""
    import markdown

    out = []
    for entry in sorted(index.glossary, key=lambda e: e["term"].casefold()):
        text = plain_text(markdown.markdown(blocks.text(entry["description"])))
        out.append({"identifier": term_identifier(entry["term"]), **entry, "definition": text})
    return out


def skos(index: Index, title: str) -> dict:
    """The glossary as a SKOS concept scheme (JSON-LD): a Concept per term with prefLabel@nl, the full form of
    an abbreviation as altLabel@nl, and its definition@nl."""
    concepts = []
    for term in glossary_terms(index):
        concept = {"@id": term["identifier"], "@type": "skos:Concept", "skos:inScheme": {"@id": SCHEME_IDENTIFIER},
                   "skos:topConceptOf": {"@id": SCHEME_IDENTIFIER},
                   "skos:prefLabel": {"@value": term["term"], "@language": "nl"},
                   "skos:definition": {"@value": term["definition"], "@language": "nl"}}
        if term.get("full"):
            concept["skos:altLabel"] = {"@value": term["full"], "@language": "nl"}
        concepts.append(concept)
    scheme = {"@id": SCHEME_IDENTIFIER, "@type": "skos:ConceptScheme",
              "dct:title": {"@value": f"Begrippen en afkortingen – {title}", "@language": "nl"},
              "skos:hasTopConcept": [{"@id": c["@id"]} for c in concepts]}
    return {"@context": CONTEXT, "@graph": [scheme, *concepts]}


# --- the catalog -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DataFile:
    """One file under data/: its name there, title and description (Dutch), and the dataset it belongs to."""

    name: str
    title: str
    dataset: str
    schema: str = ""
    """The JSON Schema (a name under data/schema/) that its records' ``fields`` follow, if any."""

    @property
    def extension(self) -> str:
        return self.name.rsplit(".", 1)[-1]


def files(index: Index) -> list[DataFile]:
    """Every file the catalog describes (besides itself), in the order the Open data page lists them."""
    out = []
    for kind in KINDS:
        schema = f"{kind.schema}.schema.json"
        out += [DataFile(f"{kind.folder}.json", f"{kind.plural} (JSON)", kind.folder, schema),
                DataFile(f"{kind.folder}.csv", f"{kind.plural} (CSV)", kind.folder),
                DataFile(f"{kind.folder}.ods", f"{kind.plural} (ODS, voor spreadsheets)", kind.folder)]
    out.append(DataFile(ALL_FILE, "Alle inhoud in één bestand (JSON)", "alles"))
    out.append(DataFile(SKOS_FILE, "Begrippen en afkortingen (SKOS, JSON-LD)", "begrippen"))
    out += [DataFile(f"{SCHEMA_FOLDER}/{path.name}", f"JSON Schema {path.name}", "schemas")
            for path in sorted(SCHEMA_DIR.glob("*.schema.json"))]
    return out


DATASETS = {
    "alles": ("Alle inhoud van de toolkit", "Alle onderdelen, thema's, voorbeeldregio's, begrippen en bronnen in "
                                            "één bestand."),
    "begrippen": ("Begrippen en afkortingen", "De begrippen en afkortingen uit de toolkit met hun uitleg, als "
                                              "SKOS-begrippenlijst."),
    "schemas": ("JSON Schemas van de inhoud", "De JSON Schemas die beschrijven welke velden elk soort onderdeel "
                                              "heeft; de velden (fields) in de JSON-bestanden volgen ze."),
}


def _dataset_text(key: str) -> tuple[str, str]:
    if key in DATASETS:
        return DATASETS[key]
    kind = BY_FOLDER[key]
    return kind.plural, f"Alle {kind.count_word} uit de toolkit, met hun tekst, thema's, verwijzingen en bron."


def catalog(index: Index, config, options: Options, day: date, sizes: dict[str, int]) -> dict:
    """The DCAT-AP-NL 3.0 catalog (JSON-LD, inline context) of the files under data/: a Dataset per kind and for
    everything, the glossary and the schemas, each file a Distribution with its address, media type, format,
    size, licence and dates. ``sizes``: file name under data/ → bytes."""
    site_url = config.get("site_url") or ""
    directory_urls = config.get("use_directory_urls", True)

    def address(path: str) -> str:
        return absolute(site_url, path) or path

    base = address(f"{DATA_DIR}/{CATALOG_FILE}")
    contact_data = options.contact or options.national_contact
    contact = {"@type": "vcard:Kind", "vcard:fn": contact_data.get("name") or config.get("site_name")}
    if contact_data.get("email"):
        contact["vcard:hasEmail"] = {"@id": f"mailto:{contact_data['email']}"}
    if contact_data.get("phone"):
        contact["vcard:hasTelephone"] = {"@id": "tel:" + "".join(c for c in contact_data["phone"]
                                                                 if c.isdigit() or c == "+")}
    publisher = {"@type": "foaf:Agent", "foaf:name": options.region or config.get("site_name")}
    licence = {"@id": options.license.url, "@type": "dct:LicenseDocument", "dct:title": options.license.name}
    today = {"@value": day.isoformat(), "@type": "xsd:date"}
    page = address(site_path("open-data.md", directory_urls))
    datasets: dict[str, dict] = {}
    graph = []
    for data_file in files(index):
        dataset = datasets.get(data_file.dataset)
        if dataset is None:
            title, description = _dataset_text(data_file.dataset)
            dataset = datasets[data_file.dataset] = {
                "@id": f"{base}#{data_file.dataset}", "@type": "dcat:Dataset",
                "dct:identifier": f"{base}#{data_file.dataset}",
                "dct:title": {"@value": title, "@language": "nl"},
                "dct:description": {"@value": description, "@language": "nl"},
                "dct:accessRights": {"@id": _PUBLIC}, "dcat:theme": [{"@id": t} for t in _THEMES],
                "dcat:keyword": [{"@value": t["title"], "@language": "nl"} for t in index.themes.values()],
                "dct:language": {"@id": _LANGUAGE}, "dct:publisher": publisher, "dct:creator": publisher,
                "dcat:contactPoint": contact, "dcat:landingPage": {"@id": page}, "dct:modified": today,
                "dcat:distribution": []}
        url = address(f"{DATA_DIR}/{data_file.name}")
        media, file_type = FORMATS[data_file.extension]
        distribution = {"@id": url, "@type": "dcat:Distribution", "dct:title": {"@value": data_file.title,
                                                                                "@language": "nl"},
                        "dcat:accessURL": {"@id": url}, "dcat:downloadURL": {"@id": url},
                        "dcat:mediaType": {"@id": _MEDIA_TYPE + media}, "dct:format": {"@id": _FILE_TYPE + file_type},
                        "dcat:byteSize": {"@value": str(sizes[data_file.name]), "@type": "xsd:nonNegativeInteger"},
                        "dct:license": licence, "dct:language": {"@id": _LANGUAGE},
                        "dct:issued": today, "dct:modified": today}
        if data_file.schema:
            distribution["dct:conformsTo"] = {"@id": address(f"{DATA_DIR}/{SCHEMA_FOLDER}/{data_file.schema}")}
        dataset["dcat:distribution"].append({"@id": url})
        graph.append(distribution)
    catalog_node = {"@id": base, "@type": "dcat:Catalog",
                    "dct:title": {"@value": config.get("site_name"), "@language": "nl"},
                    "dct:description": {"@value": "Open data van de toolkit: alle inhoud als JSON, CSV en ODS, de "
                                                  "begrippen als SKOS en de JSON Schemas.", "@language": "nl"},
                    "dct:publisher": publisher, "dcat:contactPoint": contact, "dct:license": licence,
                    "dct:language": {"@id": _LANGUAGE}, "dct:modified": today, "foaf:homepage": {"@id": page},
                    "dcat:dataset": [{"@id": d["@id"]} for d in datasets.values()]}
    return {"@context": CONTEXT, "@graph": [catalog_node, *datasets.values(), *graph]}


# --- writing -----------------------------------------------------------------------------------------------

def everything(index: Index, config, per_kind: dict[str, list[dict]], options: Options) -> dict:
    """The content of toolkit.json: every item by kind, themes, regions, glossary and sources."""
    directory_urls = config.get("use_directory_urls", True)
    site_url = config.get("site_url") or ""

    def place(docs_path: str) -> dict:
        url = site_path(docs_path, directory_urls)
        return {"url": url, **({"absolute_url": absolute(site_url, url)} if site_url else {})}

    return {
        "title": config.get("site_name"),
        "license": {"name": options.license.name, "url": options.license.url},
        "items": per_kind,
        "themes": [{**theme, **place(links.theme_page(theme_id))} for theme_id, theme in index.themes.items()],
        "regions": [{**region, **place(links.region_page(region_id))} for region_id, region in index.regions.items()],
        "glossary": glossary_terms(index),
        "sources": [{**source, **place(f"bronnen.md#{source_id}")} for source_id, source in index.sources.items()],
    }


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, default=str) + "\n"


def build_date() -> date:
    """The build's date, as MkDocs dates the sitemap (SOURCE_DATE_EPOCH when set)."""
    from mkdocs.utils import get_build_date

    return date.fromisoformat(get_build_date()[:10])


def write(config, options: Options, index: Index) -> None:
    """Write data/ into the site MkDocs has just built (a writer of macros/site/outputs.py)."""
    out = Path(config["site_dir"]) / DATA_DIR
    if out.exists():
        shutil.rmtree(out)
    (out / SCHEMA_FOLDER).mkdir(parents=True)
    day = build_date()
    namespace = Namespace.of(options)
    per_kind = records(index, config, namespace)
    for kind in KINDS:
        rows = per_kind[kind.folder]
        (out / f"{kind.folder}.json").write_text(_json({
            "kind": kind.folder, "title": kind.plural, "schema": f"{SCHEMA_FOLDER}/{kind.schema}.schema.json",
            "license": {"name": options.license.name, "url": options.license.url}, "items": rows}), encoding="utf-8")
        (out / f"{kind.folder}.csv").write_text(csv_text(rows), encoding="utf-8", newline="")
        (out / f"{kind.folder}.ods").write_bytes(ods_bytes(rows, kind.plural, day))
    (out / ALL_FILE).write_text(_json(everything(index, config, per_kind, options)), encoding="utf-8")
    (out / SKOS_FILE).write_text(_json(skos(index, config.get("site_name") or "")), encoding="utf-8")
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        shutil.copyfile(path, out / SCHEMA_FOLDER / path.name)
    sizes = {data_file.name: (out / data_file.name).stat().st_size for data_file in files(index)}
    (out / CATALOG_FILE).write_text(_json(catalog(index, config, options, day, sizes)), encoding="utf-8")


def file_list(index: Index, current: str, directory_urls: bool = True) -> str:
    """The Open data page's list of the files, grouped by dataset, as links (HTML: they are files, not pages,
    so MkDocs does not check them)."""
    import html

    def link(name: str, label: str) -> str:
        return f'<a href="{links.file_href(current, f"{DATA_DIR}/{name}", directory_urls)}">{html.escape(label)}</a>'

    groups: dict[str, list[DataFile]] = {}
    for data_file in files(index):
        groups.setdefault(data_file.dataset, []).append(data_file)
    lines = []
    for key, members in groups.items():
        title, description = _dataset_text(key)
        names = ", ".join(link(f.name, f.name.rsplit("/", 1)[-1]) for f in members)
        lines.append(f"- **{html.escape(title)}**: {names}  \n  {description}")
    lines.append(f"- **Catalogus (DCAT-AP-NL 3.0)**: {link(CATALOG_FILE, CATALOG_FILE)}  \n"
                 "  Beschrijft al deze bestanden voor dataportalen zoals data.overheid.nl.")
    return "\n".join(lines)
