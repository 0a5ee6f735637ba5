"""Long lists are split into pages (macros/site/render/paging.py): a site built from the mini content with more
tips, checklists and examples than one page holds. Today's real content fits on one page per list,
so these cases only show on a site with more content."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT, build, copy_project
from test_site_browser import axe_violations

from macros.engine import load_index
from macros.site.pages import sync
from macros.site.render.paging import PAGE_SIZE

MINI = Path(__file__).resolve().parent / "fixtures" / "mini-content"
TIPS = 120            # + the mini content's own tip: 121 tips, 5 pages of 25
CHECKLISTS = 44       # + the mini content's own: 45 checklists, 2 pages of 30 with all of them
EXAMPLES = 25         # examples from Twente: 2 pages of 20
LAST_TIP = f"01-tip-{TIPS:03d}"


def _write(path: Path, schema: str, data: dict) -> None:
    path.write_text(f"# yaml-language-server: $schema=../schema/{schema}.schema.json\n"
                    + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def long_content(content: Path) -> None:
    """Replace ``content`` (keeping its schemas) with the mini content plus many tips, checklists and examples."""
    for child in content.iterdir():
        if child.name != "schema":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(MINI, content, dirs_exist_ok=True)
    for n in range(1, TIPS + 1):
        tip = {"id": f"01-tip-{n:03d}", "title": f"Tip nummer {n}", "group": "belangrijk" if n <= TIPS // 2 else "aandacht",
               "text": f"De tekst van tip {n}.", "themes": ["privacy"], "source": "voorbeeldbron"}
        if n == TIPS:
            tip["related"] = ["lessons/01-voorbeeld"]  # so the lesson links to the last tip, on page 5
            tip["points"] = ["Een punt om af te vinken"]  # and a checklist takes it
        _write(content / "tips" / f"{tip['id']}.yml", "tip", tip)
    for n in range(1, CHECKLISTS + 1):
        items = [{"text": f"Punt {n}."}] + ([{"from": f"tips/{LAST_TIP}"}] if n == 1 else [])
        _write(content / "checklists" / f"01-lijst-{n:03d}.yml", "checklist",
               {"id": f"01-lijst-{n:03d}", "title": f"Checklist nummer {n}", "intro": f"Lijst {n}.", "items": items,
                "themes": ["casuistiek"]})
    scenario = yaml.safe_load((MINI / "scenarios" / "01-voorbeeld.yml").read_text(encoding="utf-8"))
    scenario.update(id="02-voorbeelden", title="Veel voorbeelden", related=[])
    scenario["sections"][0]["body"] = [{"example": {"regions": ["twente"], "text": f"Voorbeeld {n} uit Twente."}}
                                       for n in range(1, EXAMPLES + 1)]
    _write(content / "scenarios" / "02-voorbeelden.yml", "scenario", scenario)


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("long"))
    long_content(project / "content")
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _article(site: Path, path: str) -> str:
    return _html(site, path).split("<article", 1)[1].split("</article>", 1)[0]


def _pager(body: str) -> str:
    found = re.findall(r'<nav aria-label="([^"]*)" class="toolkit-pages">(.*?)</nav>', body, re.S)
    assert len(found) == 1, "one pager"
    return found[0]


def _without_pager(body: str) -> str:
    return re.sub(r'<nav aria-label="[^"]*" class="toolkit-pages">.*?</nav>', "", body, flags=re.S)


def _tip_ids(body: str) -> list[str]:
    return re.findall(r'<h3 id="(01-[a-z0-9-]+)"', body)


def test_overview_shows_its_first_page_and_a_pager(long_site):
    _, site = long_site
    body = _article(site, "tips/")
    assert _tip_ids(body)[:2] == ["01-tip-001", "01-tip-002"] and len(_tip_ids(body)) == PAGE_SIZE["tips"]
    assert "1–25 van 121 tips" in body
    label, links = _pager(body)
    assert label == "Pagina's van de tips"
    assert '<a href="pagina/2/" rel="next">Volgende</a>' in links and "Vorige" not in links
    assert re.search(r'<a aria-current="page" href="(\./|index\.html)?"><span class="toolkit-visually-hidden">Pagina </span>1</a>', links)
    assert '<span class="toolkit-visually-hidden">Pagina </span>5</a>' in links


def test_further_pages_hold_the_rest_in_order(long_site):
    _, site = long_site
    seen = []
    for number in range(1, 6):
        body = _article(site, "tips/" if number == 1 else f"tips/pagina/{number}/")
        seen += _tip_ids(body)
        if number > 1:
            assert re.search(f"<h1 [^>]*>Tips, pagina {number} van 5<", body)
            assert 'rel="prev">Vorige</a>' in _pager(body)[1]
    assert not (site / "tips" / "pagina" / "6").exists()
    assert len(seen) == len(set(seen)) == TIPS + 1
    assert seen[-1] == LAST_TIP and seen.index("01-voorbeeld") == TIPS // 2  # group "belangrijk" first
    assert 'rel="next"' not in _pager(_article(site, "tips/pagina/5/"))[1]
    # a group that continues on the next page repeats its heading there
    assert '<h2 id="belangrijk">' in _article(site, "tips/pagina/3/") and '<h2 id="aandacht">' in _article(site, "tips/pagina/3/")


def test_a_link_to_an_item_lands_on_the_page_that_holds_it(long_site):
    _, site = long_site
    assert f'id="{LAST_TIP}"' in _article(site, "tips/pagina/5/")
    lesson = _article(site, "lessen/")  # related to the last tip, seen from the other side
    assert f'href="../tips/pagina/5/#{LAST_TIP}"' in lesson
    checklist = _article(site, "checklists/01-lijst-001/")  # a checklist point taken from the last tip
    assert f'href="../../tips/pagina/5/#{LAST_TIP}"' in checklist
    theme = _article(site, "themas/privacy/pagina/2/")  # the tips come first, 100 on the theme's first page
    assert f'href="../../../../tips/pagina/5/#{LAST_TIP}"' in theme


def test_no_page_lists_more_than_its_page_size(long_site):
    _, site = long_site
    alle = ["checklists/alle/", "checklists/alle/pagina/2/"]
    counts = [len(re.findall(r'data-checklist="', _article(site, p))) for p in alle]
    assert counts == [PAGE_SIZE["all-checklists"], CHECKLISTS + 1 - PAGE_SIZE["all-checklists"]]
    privacy = [_without_pager(_article(site, p)) for p in ("themas/privacy/", "themas/privacy/pagina/2/")]
    links = [len(re.findall(r"<li><a href=", body)) for body in privacy]
    assert links[0] == PAGE_SIZE["theme"] and sum(links) == len(load_index(site.parent / "content").by_theme["privacy"])
    examples = [_article(site, p).count("<blockquote>") for p in ("regios/twente/", "regios/twente/pagina/2/")]
    assert examples == [PAGE_SIZE["region"], EXAMPLES - PAGE_SIZE["region"]]
    for tips in [p for p in site.glob("tips/**/index.html")]:
        assert len(_tip_ids(tips.read_text(encoding="utf-8"))) <= PAGE_SIZE["tips"], tips


def test_further_pages_stay_out_of_the_navigation_and_the_duplicates_out_of_search(long_site):
    _, site = long_site
    home = _html(site, "")
    assert "pagina/" not in home.split("<article", 1)[0]
    search = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {doc["location"].split("#")[0] for doc in search}
    assert "tips/pagina/5/" in locations  # the only place these tips are
    assert not any(location.startswith("checklists/alle") for location in locations)  # each checklist has its own page


@pytest.mark.skipif(shutil.which("pdfunite") is None, reason="pdfunite (poppler-utils) is not installed")
def test_the_pdf_with_all_checklists_joins_the_parts(long_site, tmp_path):
    _, built = long_site
    site = tmp_path / "site"
    shutil.copytree(built, site)
    for folder in (site / "checklists").iterdir():  # the single checklists' PDFs are tested in test_checklists.py
        if folder.name.startswith("01-lijst-"):
            shutil.rmtree(folder)
    result = subprocess.run([sys.executable, "-m", "macros", "pdf", str(site)], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    text = subprocess.run(["pdftotext", str(site / "checklists" / "pdf" / "alle-checklists.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    starts = [next(i for i, page in enumerate(pages) if f"Checklist nummer {n}\n" in page) for n in range(1, CHECKLISTS + 1)]
    assert starts == sorted(starts) and len(set(starts)) == CHECKLISTS  # all of them, in order, each on its own page
    assert "pagina 2 van 2" not in text and "van 45 checklists" not in text  # no part headings on paper


def test_pager_is_accessible(long_site, browser):
    from sitebuild import serve

    _, site = long_site
    url, stop = serve(site)
    try:
        page = browser.new_page()
        for path in ("tips/", "tips/pagina/3/", "themas/privacy/pagina/2/"):
            page.goto(url + path, wait_until="load")
            assert axe_violations(page) == [], path
            nav = page.get_by_role("navigation", name="Pagina's van", exact=False).last
            assert nav.get_by_role("link", name="Volgende").count() + nav.get_by_role("link", name="Vorige").count() >= 1
        page.goto(url + "tips/pagina/3/")
        page.get_by_role("link", name="Volgende").click()
        page.wait_for_url("**/tips/pagina/4/")
        assert page.get_by_role("link", name="Pagina 4").get_attribute("aria-current") == "page"
        page.close()
    finally:
        stop()


def test_stale_pages_go_when_the_content_shrinks(tmp_path):
    content, docs = tmp_path / "content", tmp_path / "docs"
    shutil.copytree(ROOT / "content" / "schema", content / "schema")
    long_content(content)
    (docs / "tips").mkdir(parents=True)
    (docs / "tips" / "index.md").write_text("# Tips\n", encoding="utf-8")
    sync(load_index(content), docs)
    assert sorted(p.relative_to(docs).as_posix() for p in (docs / "tips").rglob("*.md")) == \
        ["tips/index.md"] + [f"tips/pagina/{n}.md" for n in range(2, 6)]
    for tip in [*(content / "tips").glob("01-tip-0[2-9]*.yml"), *(content / "tips").glob("01-tip-1*.yml")]:
        tip.unlink()  # 20 tips left: one page
    for checklist in (content / "checklists").glob("01-lijst-*.yml"):
        checklist.unlink()
    sync(load_index(content), docs)
    assert not (docs / "tips" / "pagina").exists() and (docs / "tips" / "index.md").exists()
    assert not (docs / "checklists" / "alle").exists()
