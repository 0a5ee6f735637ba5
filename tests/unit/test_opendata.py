"""macros/site/opendata.py: identifiers, the records of the items, CSV, ODS, SKOS and the DCAT catalog, on the mini
content; the licence option (macros/site/config.py); the glossary's schema.org markup (render/overviews.py)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from macros.engine import load_index
from macros.engine.kinds import BY_FOLDER, KINDS
from macros.engine.validate import SCHEMA_DIR
from macros.site import opendata
from macros.site.config import License, Options, option_problems
from macros.site.render import overviews

from .conftest import MINI, write_yaml

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.superfences"]


def config(site_url: str = "https://toolkit.example.nl/", directory_urls: bool = True, site_dir: str = "") -> dict:
    """The part of MkDocs' config the writer reads, with the site's Markdown extensions (mkdocs.yml)."""
    return {"markdown_extensions": EXTENSIONS, "mdx_configs": {"toc": {"permalink": True}}, "site_url": site_url,
            "use_directory_urls": directory_urls, "site_name": "Toolkit", "site_dir": site_dir}


def options(tmp_path: Path, **changes) -> Options:
    return Options(content=MINI, **changes)


def test_an_item_is_identified_by_its_kind_and_id(mini):
    tip = mini.items["tips"]["01-voorbeeld"]
    assert opendata.Namespace().identifier(tip) == "urn:nl:tgw:tips:01-voorbeeld"
    assert opendata.Namespace("Regio Twente", "regio").identifier(tip) == "urn:nl:tgw:tips:01-voorbeeld"


def test_a_regions_own_item_carries_the_regions_name(tmp_path):
    overlay = tmp_path / "regio"
    write_yaml(overlay / "tips" / "02-werkgeversdag.yml",
               {"id": "02-werkgeversdag", "title": "Werkgeversdag", "group": "aandacht", "text": "Organiseer er een.",
                "themes": ["privacy"], "source": "voorbeeldbron"})
    index = load_index(MINI, overlay)
    own = opendata.Namespace("Regio Twente", "regio")
    assert own.identifier(index.items["tips"]["02-werkgeversdag"]) == "urn:nl:tgw:regio:twente:tips:02-werkgeversdag"
    assert own.identifier(index.items["tips"]["01-voorbeeld"]) == "urn:nl:tgw:tips:01-voorbeeld"
    [record] = [r for r in opendata.records(index, config(), own)["tips"] if r["id"] == "02-werkgeversdag"]
    assert record["origin"] == "regio"


@pytest.mark.parametrize("region, slug", [("Regio Twente", "twente"), ("Zuid-Limburg", "zuid-limburg"),
                                          ("Rijk van Nijmegen", "rijk-van-nijmegen"), ("", "onbekend"),
                                          ("Regio", "regio")])
def test_the_regions_part_of_an_identifier(region, slug):
    assert opendata.region_slug(region) == slug


def test_the_identifier_line_names_the_region_the_site_is_built_for(tmp_path, mini):
    tip = mini.items["tips"]["01-voorbeeld"]
    assert opendata.identifier_line(mini, tip) == \
        "Identificatie: urn:nl:tgw:tips:01-voorbeeld\n{: .toolkit-meta .toolkit-identifier }"


def test_each_record_has_its_fields_as_the_schema_wants_them(mini):
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.schema.json")}
    registry = Registry().with_resources((name, DRAFT202012.create_resource(s)) for name, s in schemas.items())
    records = opendata.records(mini, config(), opendata.Namespace())
    assert set(records) == {kind.folder for kind in KINDS}
    for kind, rows in records.items():
        assert [row["id"] for row in rows] == [item.id for item in mini.of_kind(kind)]
        validator = Draft202012Validator(schemas[f"{BY_FOLDER[kind].schema}.schema.json"], registry=registry)
        for row in rows:
            assert list(validator.iter_errors(row["fields"])) == [], row["identifier"]


def test_a_record_gives_the_items_address_text_and_relations(mini):
    [tip] = opendata.records(mini, config(), opendata.Namespace())["tips"]
    assert {key: tip[key] for key in ("identifier", "url", "absolute_url", "origin", "themes", "source")} == {
        "identifier": "urn:nl:tgw:tips:01-voorbeeld", "url": "tips/#01-voorbeeld",
        "absolute_url": "https://toolkit.example.nl/tips/#01-voorbeeld", "origin": "landelijk",
        "themes": ["projectleiderschap"], "source": "voorbeeldbron"}
    assert tip["related"] == ["lessons/01-voorbeeld", "routekaart/01-voorbeeld#eerste-paragraaf",
                              "scenarios/01-voorbeeld"]
    assert tip["related_identifiers"] == ["urn:nl:tgw:lessons:01-voorbeeld", "urn:nl:tgw:routekaart:01-voorbeeld",
                                          "urn:nl:tgw:scenarios:01-voorbeeld"]
    assert tip["html"] == ("<p>Stel een projectleider aan met een goed netwerk in de regio.</p>\n"
                           "<ul>\n<li>Spreek een concrete resultaatverplichting af</li>\n</ul>")
    assert tip["text"] == "Stel een projectleider aan met een goed netwerk in de regio.\n" \
                          "- Spreek een concrete resultaatverplichting af"


def test_without_site_url_addresses_are_relative_to_the_site_and_offline_they_name_the_file(mini):
    [tip] = opendata.records(mini, config(site_url=""), opendata.Namespace())["tips"]
    assert tip["url"] == "tips/#01-voorbeeld" and "absolute_url" not in tip
    [chapter] = opendata.records(mini, config(site_url="", directory_urls=False), opendata.Namespace())["routekaart"]
    assert chapter["url"] == "routekaart/01-voorbeeld.html"


def test_links_in_the_html_lead_to_the_site_and_headings_have_no_permalink_sign(mini):
    [chapter] = opendata.records(mini, config(), opendata.Namespace())["routekaart"]
    assert 'href="https://toolkit.example.nl/regios/achterhoek/"' in chapter["html"]
    assert ".md" not in chapter["html"] and "¶" not in chapter["html"]
    assert "<" not in chapter["text"] and "Eerste paragraaf" in chapter["text"]


def test_a_checklist_record_holds_its_points(mini):
    [checklist] = opendata.records(mini, config(), opendata.Namespace())["checklists"]
    for point in mini.checklists[checklist["id"]].points:
        assert opendata.plain_text(f"<p>{point.text}</p>") in checklist["text"]


def test_csv_has_a_heading_and_a_row_per_item_with_lists_in_one_cell(mini):
    rows = opendata.records(mini, config(), opendata.Namespace())["tips"]
    table = list(csv.reader(io.StringIO(opendata.csv_text(rows))))
    assert table[0] == ["identificatie", "id", "titel", "adres", "tekst", "themas", "regios", "verwant", "bron",
                        "herkomst"]
    assert len(table) == 1 + len(mini.of_kind("tips"))
    assert table[1][3] == "https://toolkit.example.nl/tips/#01-voorbeeld"
    assert table[1][7] == "lessons/01-voorbeeld; routekaart/01-voorbeeld#eerste-paragraaf; scenarios/01-voorbeeld"


def test_ods_opens_with_a_row_per_item_and_is_the_same_every_time(mini):
    from odf.opendocument import load
    from odf.table import TableRow

    rows = opendata.records(mini, config(), opendata.Namespace())["routekaart"]
    data = opendata.ods_bytes(rows, "Routekaart", date(2024, 5, 6))
    assert data == opendata.ods_bytes(rows, "Routekaart", date(2024, 5, 6))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "mimetype" and archive.read("mimetype") == \
            b"application/vnd.oasis.opendocument.spreadsheet"
        assert {info.date_time for info in archive.infolist()} == {(2024, 5, 6, 0, 0, 0)}
    sheet = load(io.BytesIO(data))
    assert len(sheet.spreadsheet.getElementsByType(TableRow)) == 1 + len(mini.of_kind("routekaart"))


def test_the_glossary_as_skos_concepts(mini):
    graph = opendata.skos(mini, "Toolkit")["@graph"]
    scheme, concepts = graph[0], graph[1:]
    assert scheme["@type"] == "skos:ConceptScheme"
    assert [c["skos:prefLabel"] for c in concepts] == [{"@value": "casuïstiek", "@language": "nl"},
                                                      {"@value": "UWV", "@language": "nl"}]
    assert concepts[0]["@id"] == "urn:nl:tgw:begrip:casuistiek"
    assert concepts[1]["skos:altLabel"] == {"@value": "Uitvoeringsinstituut Werknemersverzekeringen", "@language": "nl"}
    assert concepts[1]["skos:definition"]["@value"] == "De organisatie die uitkeringen regelt en mensen helpt aan werk."


def test_the_glossary_page_carries_a_defined_term_set_that_cannot_end_its_script(mini):
    terms = opendata.glossary_terms(mini)
    terms[0] = {**terms[0], "definition": "a </script> b & c"}
    markup = overviews.defined_term_set(terms, opendata.SCHEME_IDENTIFIER, "Begrippen")
    assert markup.startswith('<script type="application/ld+json">') and markup.count("</script>") == 1
    data = json.loads(markup[len('<script type="application/ld+json">'):-len("</script>")])
    assert data["@type"] == "DefinedTermSet"
    assert [t["name"] for t in data["hasDefinedTerm"]] == ["casuïstiek", "UWV"]
    assert data["hasDefinedTerm"][0]["description"] == "a </script> b & c"


def test_the_catalog_describes_every_file_with_what_dcat_ap_nl_requires(mini):
    files = opendata.files(mini)
    catalog = opendata.catalog(mini, config(), options(None), date(2024, 5, 6), {f.name: 10 for f in files})
    graph = catalog["@graph"]
    distributions = [n for n in graph if n["@type"] == "dcat:Distribution"]
    assert [d["@id"] for d in distributions] == [f"https://toolkit.example.nl/data/{f.name}" for f in files]
    for distribution in distributions:
        assert {"dcat:accessURL", "dcat:downloadURL", "dcat:mediaType", "dct:format", "dct:license"} <= set(distribution)
        assert distribution["dct:license"]["@id"] == License.url
    for dataset in (n for n in graph if n["@type"] == "dcat:Dataset"):
        assert {"dct:title", "dct:description", "dct:identifier", "dct:publisher", "dcat:contactPoint",
                "dct:accessRights", "dcat:theme", "dct:creator"} <= set(dataset)
    assert graph[0]["@type"] == "dcat:Catalog" and graph[0]["dct:modified"]["@value"] == "2024-05-06"


def test_the_open_data_page_links_each_file_relative_to_itself(mini):
    listed = opendata.file_list(mini, "open-data.md")
    assert '<a href="../data/tips.csv">tips.csv</a>' in listed
    assert '<a href="../data/catalogus.jsonld">catalogus.jsonld</a>' in listed
    assert '<a href="data/tips.csv">tips.csv</a>' in opendata.file_list(mini, "open-data.md", directory_urls=False)


def test_the_writer_puts_every_catalogued_file_in_data(tmp_path, mini):
    opendata.write(config(site_dir=str(tmp_path)), options(tmp_path), mini)
    data = tmp_path / "data"
    for data_file in opendata.files(mini):
        assert (data / data_file.name).is_file(), data_file.name
    catalog = json.loads((data / "catalogus.jsonld").read_text(encoding="utf-8"))
    sizes = {n["@id"]: int(n["dcat:byteSize"]["@value"]) for n in catalog["@graph"] if n["@type"] == "dcat:Distribution"}
    assert sizes["https://toolkit.example.nl/data/tips.json"] == (data / "tips.json").stat().st_size
    everything = json.loads((data / "toolkit.json").read_text(encoding="utf-8"))
    assert set(everything) == {"title", "license", "items", "themes", "regions", "glossary", "sources"}
    assert everything["license"] == {"name": "CC BY 4.0", "url": License.url}


def test_the_licence_comes_from_mkdocs_yml(tmp_path):
    conf = {"config_file_path": str(tmp_path / "mkdocs.yml"),
            "extra": {"toolkit": {"license": {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}}}}
    assert Options.from_mkdocs(conf).license == License("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/")
    assert Options.from_mkdocs({"config_file_path": str(tmp_path / "mkdocs.yml")}).license == License()


@pytest.mark.parametrize("block, expected", [
    ("    license:\n      url: creativecommons.org",
     "mkdocs.yml:5:12: error: extra.toolkit.license.url: 'creativecommons.org' is geen adres; begin met https://, "
     "zoals https://creativecommons.org/licenses/by/4.0/deed.nl"),
    ("    license:\n      naam: CC BY",
     "mkdocs.yml:5:7: error: extra.toolkit.license.naam: onbekend veld; mogelijk zijn name, url"),
    ("    license: CC BY 4.0",
     "mkdocs.yml:4:14: error: extra.toolkit.license: verwacht een blok met de velden name, url, maar hier staat tekst"),
])
def test_a_wrong_licence_gets_a_dutch_message(tmp_path, block, expected):
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Toolkit\nextra:\n  toolkit:\n{block}\n", encoding="utf-8")
    assert [str(p) for p in option_problems(tmp_path / "mkdocs.yml")] == [expected]


def test_the_data_leaves_out_references_to_items_a_region_hides():
    from types import SimpleNamespace

    index = SimpleNamespace(hidden={"tips/05-x": "regio/hidden.yml"})
    data = {"related": ["tips/05-x", "tips/05-x#a", "lessons/01-y"],
            "items": [{"from": "tips/05-x", "only": [1]}, {"from": "lessons/01-y"}, {"text": "Eigen punt"}]}
    assert opendata.shown_fields(index, data) == {"related": ["lessons/01-y"],
                                                  "items": [{"from": "lessons/01-y"}, {"text": "Eigen punt"}]}
