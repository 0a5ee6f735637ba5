"""Checklists and the borgingsscan: content, behaviour in the browser, paper and PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from mkdocs.utils.yaml import yaml_load

from sitebuild import ROOT, serve
from test_site_browser import axe_violations

from macros.engine.checklists import action_points
from macros.engine import load_index


@pytest.fixture(scope="module")
def index():
    return load_index()


# --- content ------------------------------------------------------------------------------------

def test_checklist_items_are_the_content_text_not_copies(index):
    checklist = index.checklists["21-aanmeldprocedure"]
    chapter = index.items["routekaart"]["04-spreiding-en-uitbreiding-clienten"]
    expected = [text for text, _, _ in action_points(chapter, chapter.sections["kijk-kritisch-naar-de-aanmeldprocedure"])]
    assert [p.text for p in checklist.points] == expected and len(expected) == 7


def test_content_links_to_its_checklist(site_dir):
    page = (site_dir / "routekaart" / "04-spreiding-en-uitbreiding-clienten" / "index.html").read_text(encoding="utf-8")
    assert 'Als checklist: <a href="../../checklists/21-aanmeldprocedure/">De aanmeldprocedure verbeteren</a>' in page


# --- in the browser -----------------------------------------------------------------------------

CHECKLIST = "checklists/21-aanmeldprocedure/"


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


def instant(context, base_url):
    """Let Material's instant navigation work on the test server: it only takes over links to pages listed in
    sitemap.xml, and those carry site_url's port (mkdocs.yml), not the test server's."""
    with open(ROOT / "mkdocs.yml", "rb") as f:
        site_url = yaml_load(f)["site_url"]

    def sitemap(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(site_url, base_url))

    context.route("**/sitemap.xml", sitemap)
    return context


def open_checklist(context, base_url, path=CHECKLIST):
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    page.wait_for_selector(".toolkit-checklist__tools")
    return page


def ticked(page) -> list[bool]:
    return page.eval_on_selector_all(".toolkit-checklist input[type=checkbox]", "boxes => boxes.map(b => b.checked)")


def test_ticks_survive_a_reload(context, base_url):
    page = open_checklist(context, base_url)
    boxes = page.locator(".toolkit-checklist input[type=checkbox]")
    page.get_by_label(page.locator(".toolkit-checklist label").nth(1).inner_text()).check()
    boxes.nth(4).check()
    assert page.inner_text(".toolkit-checklist__status") == "2 van 7 afgevinkt"
    page.reload(wait_until="load")
    page.wait_for_selector(".toolkit-checklist__tools")
    assert ticked(page) == [False, True, False, False, True, False, False]
    assert page.inner_text(".toolkit-checklist__status") == "2 van 7 afgevinkt"


def test_ticks_survive_instant_navigation(context, base_url):
    page = open_checklist(instant(context, base_url), base_url)
    page.evaluate("window.__samePage = true")  # gone if the browser loads a whole new page
    page.locator(".toolkit-checklist input[type=checkbox]").first.check()
    page.click("a.md-tabs__link:has-text('Thema')")
    page.wait_for_url("**/themas/")
    page.go_back()
    page.wait_for_selector(".toolkit-checklist__tools")
    assert ticked(page)[0] is True
    assert page.evaluate("window.__samePage") is True


def _scripts_requested(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(r => r.name)"
                         ".filter(name => /\\/assets\\/(checklist|scan)\\.js$/.test(name))")


def test_home_loads_neither_checklist_nor_scan_script(context, base_url):
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")  # whatever toolkit.js would load has arrived
    assert _scripts_requested(page) == []
    assert page.locator("script[src$='checklist.js'], script[src$='scan.js']").count() == 0


def test_checklist_from_the_home_page_with_instant_navigation(context, base_url):
    """Home → checklists → a checklist without a page reload: checklist.js is loaded then, once, and the
    checklist remembers its ticks when the visitor goes elsewhere and comes back."""
    page = instant(context, base_url).new_page()
    page.goto(base_url, wait_until="load")
    page.evaluate("window.__samePage = true")  # gone if the browser loads a whole new page
    page.click(".md-content a[href$='/checklists/']")  # instant navigation makes links absolute
    page.wait_for_url("**/checklists/")
    page.click(f".md-content a[href$='/{CHECKLIST}']")
    page.wait_for_selector(".toolkit-checklist__tools")
    page.locator(".toolkit-checklist input[type=checkbox]").nth(1).check()
    assert page.inner_text(".toolkit-checklist__status") == "1 van 7 afgevinkt"
    page.click("a.md-tabs__link:has-text('Home')")
    page.wait_for_url(base_url)
    page.go_back()
    page.wait_for_selector(".toolkit-checklist__tools")
    assert ticked(page) == [False, True, False, False, False, False, False]
    assert page.evaluate("window.__samePage") is True
    assert [url.rsplit("/", 1)[1] for url in _scripts_requested(page)] == ["checklist.js"]


def test_scan_from_the_home_page_with_instant_navigation(context, base_url):
    page = instant(context, base_url).new_page()
    page.goto(base_url, wait_until="load")
    page.evaluate("window.__samePage = true")
    page.click(".md-content a[href$='/borgingsscan/']")
    page.wait_for_selector(".toolkit-scan__result .md-button")
    answer(page, "01-continuiteit-in-de-tijd", "2")
    assert score(page, "01-continuiteit-in-de-tijd") == "8 van 8 punten (100%)"
    assert page.evaluate("window.__samePage") is True
    assert [url.rsplit("/", 1)[1] for url in _scripts_requested(page)] == ["scan.js"]


def test_scripts_load_under_a_sub_path(browser, site_dir, tmp_path):
    """toolkit.js finds checklist.js next to itself, also when the site is not at the root of its host."""
    (tmp_path / "toolkit").symlink_to(site_dir)
    url, stop = serve(tmp_path)
    try:
        context = browser.new_context()
        page = open_checklist(context, url + "toolkit/")
        assert _scripts_requested(page) == [url + "toolkit/assets/checklist.js"]
        context.close()
    finally:
        stop()


def test_reset_clears_every_tick(context, base_url):
    page = open_checklist(context, base_url)
    for i in range(3):
        page.locator(".toolkit-checklist input[type=checkbox]").nth(i).check()
    page.click("button:has-text('Alle vinkjes wissen')")
    assert not any(ticked(page))
    assert page.inner_text(".toolkit-checklist__status") == "0 van 7 afgevinkt"
    page.reload(wait_until="load")
    page.wait_for_selector(".toolkit-checklist__tools")
    assert not any(ticked(page))


def test_reset_can_be_undone(context, base_url):
    page = open_checklist(context, base_url)
    for i in (0, 2, 5):
        page.locator(".toolkit-checklist input[type=checkbox]").nth(i).check()
    page.click("button:has-text('Alle vinkjes wissen')")
    assert not any(ticked(page))
    message = page.locator(".toolkit-checklist__message").first
    assert message.inner_text() == "Alle vinkjes zijn gewist. Ongedaan maken"
    message.get_by_role("button", name="Ongedaan maken").click()
    assert ticked(page) == [True, False, True, False, False, True, False]
    assert page.inner_text(".toolkit-checklist__status") == "3 van 7 afgevinkt"
    assert message.inner_text() == "De vinkjes zijn teruggezet."
    assert page.evaluate("document.activeElement.textContent") == "Alle vinkjes wissen"
    page.reload(wait_until="load")  # restored in storage too
    page.wait_for_selector(".toolkit-checklist__tools")
    assert ticked(page) == [True, False, True, False, False, True, False]


def test_undo_works_with_the_keyboard_alone(context, base_url):
    page = open_checklist(context, base_url)
    page.locator(".toolkit-checklist input[type=checkbox]").nth(1).check()
    page.focus("button:has-text('Alle vinkjes wissen')")
    page.keyboard.press("Enter")
    assert not any(ticked(page))
    for _ in range(10):  # Tab on from the erase button to the offer to undo, past the other tools
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Ongedaan maken":
            break
    page.keyboard.press("Enter")
    assert ticked(page) == [False, True, False, False, False, False, False]
    assert page.inner_text(".toolkit-checklist__message") == "De vinkjes zijn teruggezet."


def test_a_new_tick_withdraws_the_offer_to_undo(context, base_url):
    page = open_checklist(context, base_url)
    page.locator(".toolkit-checklist input[type=checkbox]").nth(0).check()
    page.click("button:has-text('Alle vinkjes wissen')")
    page.locator(".toolkit-checklist input[type=checkbox]").nth(3).check()
    assert page.locator(".toolkit-checklist__message button").count() == 0
    assert page.inner_text(".toolkit-checklist__message") == "Alle vinkjes zijn gewist."
    assert ticked(page) == [False, False, False, True, False, False, False]


def test_reset_with_nothing_ticked_offers_no_undo(context, base_url):
    page = open_checklist(context, base_url)
    page.click("button:has-text('Alle vinkjes wissen')")
    assert page.inner_text(".toolkit-checklist__message") == "Er stonden geen vinkjes; er is niets gewist."
    assert page.locator(".toolkit-checklist__message button").count() == 0


BLOCKED_STORAGE = "Storage.prototype.setItem = function () { throw new DOMException('vol', 'QuotaExceededError'); };"


@pytest.fixture
def blocked(browser):
    """A browser in which nothing can be stored (storage full, or blocked by a setting)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(BLOCKED_STORAGE)
    yield context
    context.close()


def test_ticks_that_cannot_be_stored_are_announced_once(blocked, base_url):
    page = open_checklist(blocked, base_url, "checklists/alle/")
    notices = page.locator(".toolkit-unsaved")
    assert all(text == "" for text in notices.all_inner_texts())  # nothing said before the visitor does anything
    first, second = page.locator("[data-checklist]").nth(0), page.locator("[data-checklist]").nth(1)
    first.locator("input[type=checkbox]").nth(0).check()
    assert first.locator(".toolkit-unsaved").inner_text() == (
        "Let op: deze browser bewaart je vinkjes niet, dus ze zijn weg als je deze pagina verlaat. "
        "Bewaar ze in een bestand met 'Exporteren'.")
    first.locator("input[type=checkbox]").nth(1).check()
    second.locator("input[type=checkbox]").nth(0).check()
    assert [text for text in notices.all_inner_texts() if text] == [first.locator(".toolkit-unsaved").inner_text()]
    assert axe_violations(page, "[data-checklist]") == []


def test_answers_that_cannot_be_stored_are_announced(blocked, base_url):
    page = blocked.new_page()
    page.goto(base_url + "borgingsscan/", wait_until="load")
    page.wait_for_selector(".toolkit-scan__result .md-button")
    assert page.inner_text(".toolkit-unsaved") == ""
    answer(page, "01-continuiteit-in-de-tijd", "2")
    assert page.inner_text(".toolkit-unsaved") == (
        "Let op: deze browser bewaart je antwoorden niet, dus ze zijn weg als je deze pagina verlaat. "
        "Bewaar de uitslag met 'Uitslag afdrukken' (op papier of als pdf).")
    assert score(page, "01-continuiteit-in-de-tijd").endswith("(100%)")  # the scan still works on the page


def test_export_then_import(browser, context, base_url, tmp_path):
    page = open_checklist(context, base_url)
    page.locator(".toolkit-checklist input[type=checkbox]").nth(2).check()
    page.locator(".toolkit-checklist input[type=checkbox]").nth(6).check()
    with page.expect_download() as download:
        page.click("button:has-text('Exporteren')")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert saved.name == "checklist-21-aanmeldprocedure.json"
    assert [item["checked"] for item in data["items"]] == [False, False, True, False, False, False, True]
    assert data["items"][6]["text"] == "Wees duidelijk naar cliënten over de mogelijkheden en verwachtingen."

    other = browser.new_context()  # another person's browser, with nothing ticked
    page2 = open_checklist(other, base_url)
    assert not any(ticked(page2))
    page2.set_input_files(".toolkit-checklist input[type=file]", str(saved))
    page2.wait_for_function("document.querySelectorAll('.toolkit-checklist input:checked').length === 2")
    assert ticked(page2) == [False, False, True, False, False, False, True]
    assert "overgenomen" in page2.inner_text(".toolkit-checklist__message")
    other.close()


def test_import_of_another_checklist_changes_nothing(context, base_url, tmp_path):
    page = open_checklist(context, base_url)
    wrong = tmp_path / "ander.json"
    wrong.write_text(json.dumps({"toolkit": "checklist", "checklist": "01-projectleider-aanstellen", "items": []}))
    page.set_input_files(".toolkit-checklist input[type=file]", str(wrong))
    page.wait_for_function("document.querySelector('.toolkit-checklist__message').textContent.length > 0")
    assert "hoort niet bij deze checklist" in page.inner_text(".toolkit-checklist__message")


def test_a_link_carries_the_ticks(browser, context, base_url):
    page = open_checklist(context, base_url)
    page.locator(".toolkit-checklist input[type=checkbox]").nth(0).check()
    page.locator(".toolkit-checklist input[type=checkbox]").nth(3).check()
    page.click("button:has-text('Link met vinkjes')")
    link = page.input_value(".toolkit-checklist__link")
    assert link.startswith(base_url + CHECKLIST + "#vinkjes=21-aanmeldprocedure:")
    fresh = browser.new_context()
    page2 = fresh.new_page()
    page2.goto(link, wait_until="load")
    page2.wait_for_selector(".toolkit-checklist__tools")
    assert ticked(page2) == [True, False, False, True, False, False, False]
    fresh.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_checklist_buttons_line_up(context, base_url, width):
    """The tool buttons, and the import button that is a label for a file field, are one height with
    their text at one height, also when they wrap onto a second row on a phone."""
    page = open_checklist(context, base_url)
    page.set_viewport_size({"width": width, "height": 900})
    boxes = page.eval_on_selector_all(".toolkit-checklist__tools .md-button", """buttons => buttons.map(b => {
        const box = b.getBoundingClientRect(), text = document.createRange();
        text.selectNodeContents(b);
        return [b.textContent.trim(), Math.round(box.height), Math.round(text.getBoundingClientRect().top - box.top)];
    })""")
    page.close()
    assert "Importeren" in [name for name, _, _ in boxes]
    assert len({(height, offset) for _, height, offset in boxes}) == 1, boxes


def test_checklist_without_javascript_still_shows_its_boxes(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + CHECKLIST)
    assert page.locator(".toolkit-checklist input[type=checkbox]").count() == 7
    assert page.locator(".toolkit-checklist__tools").count() == 0
    context.close()


@pytest.mark.parametrize("path", [CHECKLIST, "checklists/alle/", "borgingsscan/"])
def test_interactive_pages_are_accessible_in_both_states(context, base_url, path):
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    if path != "borgingsscan/":
        page.wait_for_selector(".toolkit-checklist__tools")
    assert axe_violations(page) == []
    for box in page.locator(".toolkit-checklist input[type=checkbox]").all()[:5]:
        box.check()
    for radio in page.locator("input[type=radio][value='1']").all()[:6]:
        radio.check()
    page.click("button:has-text('Link met vinkjes')") if page.locator("button:has-text('Link met vinkjes')").count() else None
    assert axe_violations(page) == []
    page.locator("button:has-text('Alle vinkjes wissen'), button:has-text('Antwoorden wissen')").first.click()
    assert page.locator("button:has-text('Ongedaan maken')").count() == 1
    assert axe_violations(page) == []


# --- the borgingsscan -----------------------------------------------------------------------------

def answer(page, element: str, value: str):
    for fieldset in page.locator(f"[data-element='{element}'] fieldset").all():
        fieldset.locator(f"input[value='{value}']").check()


def score(page, element: str) -> str:
    return page.inner_text(f".toolkit-scan__chart tr[data-element='{element}'] .toolkit-scan__score")


def test_scan_scores_each_element_and_points_to_reading(context, base_url):
    page = context.new_page()
    page.goto(base_url + "borgingsscan/", wait_until="load")
    page.wait_for_selector(".toolkit-scan__result .md-button")
    answer(page, "01-continuiteit-in-de-tijd", "2")
    answer(page, "02-inktvlek-in-de-regio", "0")
    answer(page, "05-commitment-op-alle-niveaus", "1")
    assert score(page, "01-continuiteit-in-de-tijd") == "8 van 8 punten (100%)"
    assert score(page, "02-inktvlek-in-de-regio") == "0 van 10 punten (0%)"
    assert score(page, "05-commitment-op-alle-niveaus") == "5 van 10 punten (50%)"
    assert score(page, "04-spreiding-en-uitbreiding-clienten") == "nog niet ingevuld"
    width = page.eval_on_selector("tr[data-element='05-commitment-op-alle-niveaus'] .toolkit-scan__bar > span",
                                  "bar => bar.style.width")
    assert width == "50%"
    advice = page.locator(".toolkit-scan__advice")
    assert advice.locator("h3").all_inner_texts() == ["Inktvlek in de regio", "Commitment op alle niveaus"]
    first = advice.locator("a").first
    assert first.inner_text() == "Begin vanuit organisaties met hetzelfde doel"
    assert first.evaluate("a => a.href") == base_url + "routekaart/02-inktvlek-in-de-regio/#begin-vanuit-organisaties-met-hetzelfde-doel"
    assert "Ingevuld op" in page.inner_text(".toolkit-scan__date")
    page.reload(wait_until="load")
    page.wait_for_selector(".toolkit-scan__result .md-button")
    assert score(page, "02-inktvlek-in-de-regio") == "0 van 10 punten (0%)"
    page.click("button:has-text('Antwoorden wissen')")
    assert score(page, "01-continuiteit-in-de-tijd") == "nog niet ingevuld"


def open_scan(context, base_url):
    page = context.new_page()
    page.goto(base_url + "borgingsscan/", wait_until="load")
    page.wait_for_selector(".toolkit-scan__result .md-button")
    return page


def test_scan_scores_a_partly_answered_element_against_the_whole_element(context, base_url):
    page = open_scan(context, base_url)
    element = "05-commitment-op-alle-niveaus"
    total = page.locator(f"[data-element='{element}'] fieldset").count()
    page.locator(f"[data-element='{element}'] fieldset").first.locator("input[value='2']").check()
    percent = round(100 * 2 / (2 * total))
    assert score(page, element) == (f"2 van {2 * total} punten ({percent}%), "
                                    f"deels ingevuld: 1 van {total} stellingen beantwoord")
    width = page.eval_on_selector(f"tr[data-element='{element}'] .toolkit-scan__bar > span", "bar => bar.style.width")
    assert width == f"{percent}%"


def test_scan_reset_can_be_undone(context, base_url):
    page = open_scan(context, base_url)
    answer(page, "02-inktvlek-in-de-regio", "1")
    before = score(page, "02-inktvlek-in-de-regio")
    page.click("button:has-text('Antwoorden wissen')")
    assert score(page, "02-inktvlek-in-de-regio") == "nog niet ingevuld"
    assert page.locator(".toolkit-scan__result input:checked, .toolkit-scan input:checked").count() == 0
    message = page.locator(".toolkit-scan__result .toolkit-checklist__message").first
    assert message.inner_text() == "Alle antwoorden zijn gewist. Ongedaan maken"
    assert axe_violations(page) == []
    message.get_by_role("button", name="Ongedaan maken").click()
    assert message.inner_text() == "De antwoorden zijn teruggezet."
    assert score(page, "02-inktvlek-in-de-regio") == before
    assert page.evaluate("document.activeElement.textContent") == "Antwoorden wissen"
    page.reload(wait_until="load")
    page.wait_for_selector(".toolkit-scan__result .md-button")
    assert score(page, "02-inktvlek-in-de-regio") == before
    assert "Ingevuld op" in page.inner_text(".toolkit-scan__date")


def test_scan_prints_the_form_or_else_the_result(context, base_url):
    """Unanswered, the statements print as a form to fill in on paper; answered, only the result
    (tests/test_print.py checks the sheets)."""
    page = context.new_page()
    page.goto(base_url + "borgingsscan/", wait_until="load")
    page.wait_for_selector(".toolkit-scan[data-ready]")
    page.emulate_media(media="print")
    assert page.is_visible("fieldset.toolkit-scan__statement") and not page.is_visible(".toolkit-scan__chart")
    assert not page.is_visible(".md-header") and not page.is_visible(".md-sidebar--primary")
    page.locator("fieldset.toolkit-scan__statement input[value='1']").first.check()
    assert page.is_visible(".toolkit-scan__chart") and not page.is_visible("fieldset.toolkit-scan__statement")


# --- paper and PDF --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf_site(site_dir, tmp_path_factory):
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(site_dir, site)
    result = subprocess.run([sys.executable, "-m", "macros", "pdf", str(site)], cwd=ROOT, capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_every_checklist_has_a_pdf_with_its_items_and_no_site_chrome(pdf_site, index):
    pdf_dir = pdf_site / "checklists" / "pdf"
    for checklist in index.checklists.values():
        text = " ".join(pdf_text(pdf_dir / f"{checklist.id}.pdf").split())
        assert checklist.title in text
        for point in checklist.points:
            words = " ".join(point.text.replace("**", "").replace("*", "").split())[:40]
            assert words.split("[")[0] in text, (checklist.id, words)
            if point.lead:  # the sentence the point continues is printed with it
                lead = " ".join(point.lead.replace("**", "").replace("*", "").split())[:30]
                assert lead.split("[")[0] in text, (checklist.id, lead)
            if point.origin:  # and so is the heading of where it comes from
                assert " ".join(index.title_of(point.origin).split())[:30] in text, (checklist.id, point.origin)
        for chrome in ("Zoeken", "Navigatie", "Voorbeeldregio's", "Afdrukken", "Exporteren", "Alle checklists",
                       "Naar inhoud"):
            assert chrome not in text, (checklist.id, chrome)
        assert "Naam:" in text and "Datum:" in text and "Bron:" in text
        # built with the local site_url of mkdocs.yml: no address a reader could not open (tests/test_print.py)
        assert "Adres:" not in text and "127.0.0.1" not in text


def test_pdf_is_a4_and_renders(pdf_site, tmp_path):
    pdf = pdf_site / "checklists" / "pdf" / "21-aanmeldprocedure.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.png"))
    width, height = int.from_bytes(image.read_bytes()[16:20], "big"), int.from_bytes(image.read_bytes()[20:24], "big")
    assert abs(width / height - 210 / 297) < 0.01


def test_all_checklists_pdf_starts_each_on_a_new_page(pdf_site, index):
    pdf = pdf_site / "checklists" / "pdf" / "alle-checklists.pdf"
    pages = [[line.strip() for line in page.splitlines() if line.strip()] for page in pdf_text(pdf).split("\f")]
    heads = [" ".join(lines[:3]) for lines in pages]
    first, *others = index.checklists.values()
    assert first.title in " ".join(pages[0])  # the first one follows the page title "Alle checklists"
    starts = [next((i for i, head in enumerate(heads) if c.title in head), None) for c in others]
    assert None not in starts and len(set(starts)) == len(starts) and 0 not in starts
    assert starts == sorted(starts)
