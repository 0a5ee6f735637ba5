"""The open data in the built site (/data/, macros/site/opendata.py): valid against the JSON Schemas it ships,
JSON-LD that reads without fetching anything, a DCAT-AP-NL catalog whose files all exist, spreadsheets with a row
per item, the identifier under each item, the glossary's schema.org markup, and nginx serving the files with the
right content types. Counts come from the content index, never from numbers written here."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator
from pyld import jsonld
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from sitebuild import ROOT

from macros.engine import load_index
from macros.engine.kinds import KINDS

DCAT, DCT = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url, which the data's addresses start with


@pytest.fixture(scope="module")
def index():
    overlay = ROOT / "regio"
    return load_index(ROOT / "content", overlay if overlay.is_dir() else None)


@pytest.fixture(scope="module")
def data(site_dir) -> Path:
    return site_dir / "data"


def _no_fetching(url, options=None):
    raise jsonld.JsonLdError(f"no request to {url}", "jsonld.LoadDocumentError", code="loading document failed")


def expand(path: Path) -> list[dict]:
    """JSON-LD expanded with a document loader that refuses every request: the file must carry its own context."""
    return jsonld.expand(json.loads(path.read_text(encoding="utf-8")), {"documentLoader": _no_fetching})


def test_each_kind_has_its_items_with_fields_valid_against_the_shipped_schema(data, index):
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (data / "schema").glob("*.schema.json")}
    registry = Registry().with_resources((name, DRAFT202012.create_resource(s)) for name, s in schemas.items())
    for kind in KINDS:
        content = json.loads((data / f"{kind.folder}.json").read_text(encoding="utf-8"))
        validator = Draft202012Validator(schemas[Path(content["schema"]).name], registry=registry)
        assert [item["id"] for item in content["items"]] == [item.id for item in index.of_kind(kind.folder)]
        for item in content["items"]:
            assert list(validator.iter_errors(item["fields"])) == [], item["identifier"]
            assert item["identifier"] == f"urn:nl:tgw:{kind.folder}:{item['id']}"
            assert item["absolute_url"] == SITE_URL + item["url"]


def test_every_item_address_is_a_page_of_the_site(data, site_dir):
    for kind in KINDS:
        for item in json.loads((data / f"{kind.folder}.json").read_text(encoding="utf-8"))["items"]:
            page, _, anchor = item["url"].partition("#")
            built = (site_dir / page / "index.html").read_text(encoding="utf-8")
            assert not anchor or f'id="{anchor}"' in built, item["url"]


def test_spreadsheets_open_with_a_row_per_item(data, index):
    from odf.opendocument import load
    from odf.table import TableRow

    for kind in KINDS:
        count = len(index.of_kind(kind.folder))
        with open(data / f"{kind.folder}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert len(rows) == 1 + count and rows[0][0] == "identificatie"
        sheet = load(str(data / f"{kind.folder}.ods"))
        assert len(sheet.spreadsheet.getElementsByType(TableRow)) == 1 + count


def test_the_catalog_reads_without_fetching_and_describes_every_distribution(data, site_dir):
    graph = expand(data / "catalogus.jsonld")
    typed = {kind: [n for n in graph if DCAT + kind in n.get("@type", [])] for kind in ("Catalog", "Dataset", "Distribution")}
    [catalog] = typed["Catalog"]
    assert {DCT + "title", DCT + "description", DCT + "publisher", DCAT + "contactPoint", DCAT + "dataset"} <= set(catalog)
    for dataset in typed["Dataset"]:
        assert {DCT + "title", DCT + "description", DCT + "identifier", DCT + "publisher", DCT + "creator",
                DCAT + "contactPoint", DCT + "accessRights", DCAT + "theme", DCAT + "distribution"} <= set(dataset)
    named = set()
    for distribution in typed["Distribution"]:
        assert {DCAT + "accessURL", DCAT + "downloadURL", DCAT + "mediaType", DCT + "format", DCT + "license",
                DCT + "issued", DCT + "modified"} <= set(distribution), distribution["@id"]
        url = distribution[DCAT + "downloadURL"][0]["@id"]
        assert url.startswith(SITE_URL)
        named.add(urlsplit(url).path.lstrip("/"))
    listed = {p.relative_to(site_dir).as_posix() for p in data.rglob("*") if p.is_file()}
    assert named == listed - {"data/catalogus.jsonld"}  # every file named exists, and every file is named


def test_the_glossary_as_skos_has_every_term(data, index):
    graph = expand(data / "begrippen.jsonld")
    concepts = [n for n in graph if SKOS + "Concept" in n.get("@type", [])]
    assert sorted(c[SKOS + "prefLabel"][0]["@value"] for c in concepts) == sorted(e["term"] for e in index.glossary)
    assert all(c[SKOS + "prefLabel"][0]["@language"] == "nl" and c[SKOS + "definition"][0]["@language"] == "nl"
               for c in concepts)


def test_the_glossary_page_carries_a_defined_term_set_with_every_term(site_dir, index):
    page = (site_dir / "begrippen" / "index.html").read_text(encoding="utf-8")
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    graph = jsonld.expand(json.loads(block), {"documentLoader": _no_fetching})
    [term_set] = [n for n in graph if "https://schema.org/DefinedTermSet" in n["@type"]]
    names = [t["https://schema.org/name"][0]["@value"] for t in term_set["https://schema.org/hasDefinedTerm"]]
    assert sorted(names) == sorted(e["term"] for e in index.glossary)


def test_each_item_shows_its_identifier(site_dir, index):
    tip = index.of_kind("tips")[0]
    scenario = index.of_kind("scenarios")[0]
    tips = (site_dir / "tips" / "index.html").read_text(encoding="utf-8")
    page = (site_dir / "scenarios" / scenario.id / "index.html").read_text(encoding="utf-8")
    assert f"Identificatie: urn:nl:tgw:tips:{tip.id}</p>" in tips
    assert f"Identificatie: urn:nl:tgw:scenarios:{scenario.id}</p>" in page


def test_the_open_data_page_links_every_file_and_names_the_licence(site_dir, data):
    page = (site_dir / "open-data" / "index.html").read_text(encoding="utf-8")
    linked = {html.unescape(href) for href in re.findall(r'href="\.\./(data/[^"]+)"', page)}
    assert linked == {p.relative_to(site_dir).as_posix() for p in data.rglob("*") if p.is_file()}
    assert '<a href="https://creativecommons.org/licenses/by/4.0/deed.nl">CC BY 4.0</a>' in page


def test_nginx_serves_the_data_with_their_content_types(site_dir, tmp_path):
    from test_deploy import running_nginx

    expected = {"/data/tips.json": "application/json; charset=utf-8", "/data/tips.csv": "text/csv; charset=utf-8",
                "/data/tips.ods": "application/vnd.oasis.opendocument.spreadsheet",
                "/data/catalogus.jsonld": "application/ld+json; charset=utf-8",
                "/data/schema/tip.schema.json": "application/json; charset=utf-8"}
    with running_nginx(site_dir, ROOT / "mkdocs.yml", tmp_path) as server:
        for path, content_type in expected.items():
            status, headers, _ = server.get(path)
            assert (status, headers["Content-Type"]) == (200, content_type), path
            assert headers["X-Content-Type-Options"] == "nosniff"
