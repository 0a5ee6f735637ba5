"""Pages derived from the content say what the sources say: checklists keep the sentence their points
continue, region pages show only what is about that region, labels are the sources' own, and link
lists name each item once."""

from __future__ import annotations

import html
import re

import pytest

from sitebuild import pages

from macros.engine import load_index
from macros.engine.index import names


@pytest.fixture(scope="module")
def index():
    return load_index()


def text_of(fragment: str) -> str:
    """The text a reader sees in an HTML fragment, with white space folded."""
    fragment = re.sub(r"</?(?:a|abbr|span|em|strong|code)\b[^>]*>", "", fragment)  # inline: no space
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split()).replace(" ¶", "").replace("¶", "")


def plain(markdown: str) -> str:
    """Content Markdown as the text it shows: links and emphasis without their marks."""
    markdown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(markdown.replace("**", "").replace("*", "").split())


def article(site_dir, path: str) -> str:
    page = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


# --- checklists: every point reads as in the source ------------------------------------------------

POINTS_JS = """() => [...document.querySelectorAll('.toolkit-checklist input[type=checkbox]')].map(box => {
    const item = box.closest('li'), parent = item.parentElement.closest('.toolkit-checklist li');
    const lead = parent && parent.querySelector(':scope > .toolkit-checklist__lead');
    let heading = null;
    for (let n = item.closest('.toolkit-checklist > ul'); n && !heading; n = n.previousElementSibling)
        if (/^H[2-6]$/.test(n.tagName)) heading = n;
    const sub = [...item.querySelectorAll(':scope > ul > li')].map(li => li.textContent.trim());
    return {text: box.labels[0].textContent.trim().replace(/\\s+/g, ' '),
            lead: lead ? lead.textContent.trim().replace(/\\s+/g, ' ') : null,
            heading: heading ? heading.textContent.replace('¶', '').trim() : null, sub: sub};
})"""
"""Each box on a checklist page: its label, the lead it stands under, the heading of its group, and
its sub-points (which have no box)."""


@pytest.fixture(scope="module")
def checklist_pages(browser, base_url, index):
    """What the browser shows of every checklist page: the points as POINTS_JS reads them."""
    context = browser.new_context()
    page = context.new_page()
    found = {}
    for checklist_id in index.checklists:
        page.goto(f"{base_url}checklists/{checklist_id}/", wait_until="domcontentloaded")
        found[checklist_id] = page.evaluate(POINTS_JS)
    context.close()
    return found


def test_every_point_shows_its_lead_and_where_it_comes_from(index, checklist_pages):
    """The generic rule: a point that continues an action list's lead sentence ("Help de GGZ:", "… zoals:")
    stands under that lead, and every group of points is headed by the item or section it comes from,
    so a bare noun phrase or a subordinate clause never stands alone."""
    for checklist_id, checklist in index.checklists.items():
        shown = checklist_pages[checklist_id]
        assert [p["text"] for p in shown] == [plain(p.text) for p in checklist.points], checklist_id
        for point, seen in zip(checklist.points, shown):
            assert seen["lead"] == (plain(point.lead) if point.lead else None), (checklist_id, point.text)
            if point.origin:
                assert seen["heading"] == index.title_of(point.origin), (checklist_id, point.text)
            assert seen["sub"] == [plain(p) for p in point.points], (checklist_id, point.text)


@pytest.mark.parametrize("checklist_id, lead, first_point", [
    ("19-cruciale-rollen-borgen", "Zorg daarnaast voor een vaste groep aangewezen vervangers van onder andere "
     "projectgroepsleden:", "Laat hen ook al kennismaken met projectgroepsleden en laat ze aansluiten bij overleggen "
     "door bijvoorbeeld te notuleren."),
    ("16-ggz-betrekken", "Help de GGZ:", "Het belang van arbeid in te zien en te gaan handelen vanuit het uitgangspunt "
     "Arbeid als medicijn"),
    ("18-weerstand-en-scholing", "Zorg er ook voor dat kennis en ontwikkelingen beschikbaar zijn en gedeeld (kunnen) "
     "worden, bijvoorbeeld door:", "Een worldcafé te organiseren met alle betrokkenen binnen en buiten de organisatie."),
    ("20-randvoorwaarden-professionals", "Daarbij is het belangrijk dat er:", "Heldere doelen en kaders worden omschreven."),
    ("26-commitment-management", "Belangrijk daarin is:", None),
    ("29-ruimte-in-agendas", "Daarbij is het belangrijk dat:", "Er duidelijke afspraken zijn over wie verantwoordelijk "
     "is voor het inplannen."),
])
def test_checklist_shows_the_lead_of_its_points(checklist_pages, checklist_id, lead, first_point):
    under = [p["text"] for p in checklist_pages[checklist_id] if p["lead"] == lead]
    assert under, [p["lead"] for p in checklist_pages[checklist_id]]
    if first_point:
        assert under[0] == first_point


def test_organisations_are_a_list_under_their_action(checklist_pages):
    """Checklist 15: one action to tick, the five organisations it names as a list under it."""
    points = checklist_pages["15-successen-delen"]
    invite = [p for p in points if p["text"].startswith("Nodig ook (nieuwe) partijen uit")]
    assert invite[0]["text"] == ("Nodig ook (nieuwe) partijen uit bij reguliere bijeenkomsten, op uitvoerings-, "
                                 "beleids-, management en stuurgroep-niveau, zoals:")
    assert invite[0]["sub"] == ["Werkgeversorganisaties", "Zorginstellingen (zorgkantoren) of andere GGZ-instellingen",
                                "Welzijnsinstellingen en vrijwilligersorganisaties", "Gemeentelijke sociale diensten",
                                "Cliëntenraden en cliëntvertegenwoordigers."]
    assert not any(p["text"] == "Werkgeversorganisaties" for p in points)


def test_example_frequencies_are_not_ticks(checklist_pages, site_dir):
    """Checklist 29: "Denk bijvoorbeeld aan een frequentie van:" gives examples, not required actions."""
    assert not any("Maandelijks of zeswekelijks" in p["text"] for p in checklist_pages["29-ruimte-in-agendas"])
    chapter = text_of(article(site_dir, "routekaart/06-voorbij-een-project-erbij"))
    assert "Denk bijvoorbeeld aan een frequentie van: Maandelijks of zeswekelijks op uitvoerend niveau" in chapter


def test_the_ten_lessons_checklist_names_each_lesson(index, checklist_pages):
    points = checklist_pages["10-tien-lessen"]
    headings = list(dict.fromkeys(p["heading"] for p in points))
    assert headings == [lesson.title for lesson in index.of_kind("lessons")]
    hoed = next(p for p in points if p["text"].startswith("Zij weten van de hoed en de rand"))
    assert hoed["heading"] == "Betrekken van belangenorganisaties"


def test_printed_checklists_keep_leads_and_headings(site_dir, index):
    """Print shows what the screen shows: the leads and group headings are not hidden in print."""
    css = (site_dir / "assets" / "toolkit.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print"):]
    assert "toolkit-checklist__lead { display: none" not in printed
    assert "toolkit-checklist__group { display: none" not in printed


# --- region pages --------------------------------------------------------------------------------------

def quoted_pieces(site_dir, region_id: str) -> list[str]:
    """The paragraphs and list items quoted on a region's page."""
    body = article(site_dir, f"regios/{region_id}")
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", body, re.S)
    return [text_of(piece) for quote in quotes for piece in re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", quote, re.S)]


def test_a_region_page_quotes_nothing_about_only_other_regions(site_dir, index):
    """Every quoted paragraph or item on a region's page that names an example region names this one."""
    for region_id, region in index.regions.items():
        for piece in quoted_pieces(site_dir, region_id):
            others = [r["name"] for r in index.regions.values() if names(piece, r["name"])]
            assert not others or region["name"] in others, (region_id, piece)


def test_one_example_per_region_for_the_funding_arrangements(site_dir):
    achterhoek = " ".join(quoted_pieces(site_dir, "achterhoek"))
    assert "Achterhoek: kenmerkend aan deze regio is dat de projectleider en de kosten" in achterhoek
    assert "sleutelfiguren vanuit de zorgverzekeraar" not in achterhoek and "Senzer" not in achterhoek
    chapter = text_of(article(site_dir, "routekaart/01-continuiteit-in-de-tijd"))
    assert ("Voor meer inspiratie kun je ook kijken hoe de volgende regio's de financiële borging sterk hebben "
            "geregeld: Voorbeeld uit Drechtsteden Drechtsteden: kenmerkend") in chapter


def test_the_gemeente_nijmegen_is_not_the_region(site_dir):
    chapter = article(site_dir, "routekaart/01-continuiteit-in-de-tijd")
    example = re.search(r'<p class="admonition-title">([^<]*)</p>\s*<p>Daarnaast kun je op de ', chapter)
    assert example and example.group(1) == "Voorbeeld"
    assert "businesscase" not in " ".join(quoted_pieces(site_dir, "rijk-van-nijmegen"))


def test_examples_named_in_passing_are_on_their_region_page(site_dir):
    helmond = quoted_pieces(site_dir, "helmond-de-peel")
    assert any("Kijk voor een voorbeeld bijvoorbeeld naar Helmond-de Peel." in piece for piece in helmond)
    twente = quoted_pieces(site_dir, "twente")
    lead = twente.index("Zorg er ook voor dat kennis en ontwikkelingen beschikbaar zijn en gedeeld (kunnen) worden, "
                        "bijvoorbeeld door:")
    assert twente[lead + 1].startswith("Ontwikkelingen en stand van zaken te communiceren in periodieke (werk)overleggen, "
                                       "Intranet of in de Nieuwsflits (medium vanuit het Werkplein regio Twente).")


# --- labels and claims -----------------------------------------------------------------------------------

def test_scenario_tables_use_the_sources_headings(site_dir):
    for path in ("scenarios/02-projectgroep-inrichten", "scenarios/03-regionale-context"):
        heads = [html.unescape(h) for h in re.findall(r'<th scope="col">([^<]*)</th>', article(site_dir, path))]
        assert "Situatie in de regio" not in heads and "Scenario" not in heads
        assert set(heads) <= {"Variatie in", "Scenario's", "Overwegingen", "Aanpak"} and "Scenario's" in heads


def test_no_authors_the_source_does_not_name(site_dir):
    lessons = text_of(article(site_dir, "bronnen").split('id="lessons-learned"')[1].split("<h2")[0])
    assert "Auteurs" not in lessons and "projectleiders van de voorbeeldregio's" not in lessons.split("Soort")[0]


def test_home_does_not_say_everything_comes_from_the_example_regions(site_dir):
    lead = text_of(re.search(r'<p class="toolkit-lead">(.*?)</p>', article(site_dir, ""), re.S).group(1))
    assert "wat vier voorbeeldregio's hebben geleerd" not in lead
    assert "scenario's en lessen uit vier voorbeeldregio's, de routekaart borging & inbedding" in lead


# --- link lists ---------------------------------------------------------------------------------------------

LINK_LISTS = re.compile(r'<p class="toolkit-(related|as-checklist|checklist__source)">(.*?)</p>', re.S)


def test_link_lists_name_each_item_once(site_dir, index):
    """In every "Zie ook", "Als checklist" and "Bron" line an item is named once, its sections after it."""
    for path in pages(site_dir):
        if path.endswith(".html"):
            continue
        body = article(site_dir, path.rstrip("/")) if path else article(site_dir, "")
        for kind, line in LINK_LISTS.findall(body):
            shown = text_of(line.split("<br")[0])
            names = re.findall(r"(?:Tip|Les|Scenario|Routekaart|Bouwsteen): ([^,(]+)", shown)
            assert len(names) == len(set(names)), (path, shown)
        checklists = re.findall(r'<p class="toolkit-as-checklist">(.*?)</p>', body, re.S)
        named = [href for line in checklists for href in re.findall(r'href="([^"]+)"', line)]
        assert len(named) == len(set(named)), (path, named)


def test_a_checklist_from_an_item_and_its_section_is_named_once(site_dir):
    checklist = article(site_dir, "checklists/02-projectgroep-inrichten")
    source = text_of(re.search(r"<p class=\"toolkit-checklist__source\">(.*?)(?:<br|</p>)", checklist, re.S).group(1))
    assert source == "Bron: Scenario: Inrichten van een projectgroep (Toch graag een kleinere projectgroep?)"
    scenario = article(site_dir, "scenarios/02-projectgroep-inrichten")
    assert scenario.count("Als checklist") == 1


# --- the route map -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [390, 800, 1280, 1600])
def test_the_route_follows_the_numbering(browser, base_url, width):
    """The dashed road runs under each stop to the next: the stops stand one under the other, in order."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    stops = page.eval_on_selector_all(".toolkit-route__stop", """stops => stops.map(s => {
        const box = s.getBoundingClientRect(), road = getComputedStyle(s, '::after');
        return [s.querySelector('.toolkit-route__number').textContent, box.left, box.top, box.bottom,
                road.content !== 'none' && road.borderLeftStyle === 'dashed'];
    })""")
    context.close()
    assert [int(n) for n, *_ in stops] == list(range(1, len(stops) + 1))
    for (_, left, _, bottom, road), (_, next_left, next_top, _, _) in zip(stops, stops[1:]):
        assert next_left == left and next_top > bottom and road
