"""'Wat is er nieuw', its Atom feed and the redirects of moved items, from the git history of a small content folder
made here: commits with fixed dates that add, change, remove and rename items (macros/engine/history.py,
macros/site/render/news.py, macros/site/feed.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from macros.engine import load_index
from macros.engine.history import COMPLETE, SHALLOW, UNAVAILABLE, history
from macros.site import feed
from macros.site.render import news

from .conftest import MINI, write_yaml

ATOM = "{http://www.w3.org/2005/Atom}"


def git(repo: Path, *args: str, when: str = "2026-11-20T10:00:00+01:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(repo.parent)}
    result = subprocess.run(["git", "-c", "user.name=Redacteur", "-c", "user.email=redactie@example.org",
                             "-c", "commit.gpgsign=false", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def commit(repo: Path, when: str, message: str = "Inhoud bijgewerkt") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A project whose content/ went through four days of editing (dates in Europe/Amsterdam):

    - 20 November: the mini content arrives (and a README in regio/, which is not content);
    - 28 November: two tips are added and one is then corrected, a theme changes, a tip is added and taken away again;
    - 30 November, 10:00: the lesson changes, the bouwsteen is removed;
    - 30 November, 23:30 UTC (1 December in Amsterdam): the scenario is renamed to a new id (the routekaart that
      refers to it follows)."""
    repo = tmp_path_factory.mktemp("history") / "project"
    shutil.copytree(MINI, repo / "content")
    (repo / "content" / "schema").mkdir()
    (repo / "content" / "schema" / "x.schema.json").write_text("{}", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "2026-11-20T10:00:00+01:00", "Eerste versie")
    content = repo / "content"
    write_yaml(content / "tips" / "02-nieuwe-tip.yml",
               {"id": "02-nieuwe-tip", "title": "Een nieuwe tip", "group": "belangrijk", "text": "Tekst.",
                "themes": ["privacy"], "source": "voorbeeldbron"})
    write_yaml(content / "tips" / "04-tweede-tip.yml",
               {"id": "04-tweede-tip", "title": "Een tweede tip", "group": "aandacht", "text": "Tekst.",
                "themes": ["privacy"], "source": "voorbeeldbron"})
    commit(repo, "2026-11-28T09:00:00+01:00")
    edit(content / "tips" / "02-nieuwe-tip.yml", "Tekst.", "Betere tekst.")
    edit(content / "themes.yml", "title: Privacy", "title: Privacy en gegevens")
    write_yaml(content / "tips" / "03-vergissing.yml",
               {"id": "03-vergissing", "title": "Vergissing", "group": "belangrijk", "text": "Tekst.",
                "themes": ["privacy"], "source": "voorbeeldbron"})
    commit(repo, "2026-11-28T11:00:00+01:00")
    (content / "tips" / "03-vergissing.yml").unlink()
    commit(repo, "2026-11-28T12:00:00+01:00")
    edit(content / "lessons" / "01-voorbeeld.yml", "leren van elkaar", "leren veel van elkaar")
    (content / "bouwstenen" / "01-voorbeeld.yml").unlink()
    commit(repo, "2026-11-30T10:00:00+01:00")
    git(repo, "mv", "content/scenarios/01-voorbeeld.yml", "content/scenarios/01-verhuisd.yml")
    edit(content / "scenarios" / "01-verhuisd.yml", "id: 01-voorbeeld", "id: 01-verhuisd")
    edit(content / "routekaart" / "01-voorbeeld.yml", "scenarios/01-voorbeeld#", "scenarios/01-verhuisd#")
    commit(repo, "2026-11-30T23:30:00+00:00")
    return repo


@pytest.fixture(scope="module")
def built(repo):
    index = load_index(repo / "content")
    return history(index, [repo / "content"]), index


def test_page_lists_each_day_newest_first_with_links(built):
    """Dates in Dutch and in Amsterdam time; new before changed before moved before removed; a removed item is named
    with its last title and no link; a list file is 'Bijgewerkt'; added and corrected on one day is new; added and
    removed on one day is not there; the schema and the first day's items come as they are."""
    changes, index = built
    assert changes.state == COMPLETE
    assert news.page(changes, index, "nieuw.md") == """\
<p>Volg de wijzigingen in een feedlezer: <a href="../feed.xml" type="application/atom+xml">Atom-feed</a>.</p>

## 1 december 2026 {#2026-12-01}

- Bijgewerkt: [Routekaart: Een voorbeeldelement](routekaart/01-voorbeeld.md)
- Verhuisd: [Scenario: Een voorbeeldscenario](scenarios/01-verhuisd.md)

## 30 november 2026 {#2026-11-30}

- Bijgewerkt: [Les: Een voorbeeldles](lessen/index.md#01-voorbeeld)
- Verwijderd: Bouwsteen: Een voorbeeldbouwsteen

## 28 november 2026 {#2026-11-28}

- Nieuw: [Tip: Een nieuwe tip](tips/index.md#02-nieuwe-tip)
- Nieuw: [Tip: Een tweede tip](tips/index.md#04-tweede-tip)
- Bijgewerkt: [Thema's](themas/index.md)

## 20 november 2026 {#2026-11-20}

- Nieuw: [Tip: Een voorbeeldtip](tips/index.md#01-voorbeeld)
- Nieuw: [Les: Een voorbeeldles](lessen/index.md#01-voorbeeld)
- Nieuw: [Scenario: Een voorbeeldscenario](scenarios/01-verhuisd.md)
- Nieuw: [Routekaart: Een voorbeeldelement](routekaart/01-voorbeeld.md)
- Nieuw: Bouwsteen: Een voorbeeldbouwsteen
- Nieuw: [Checklist: Een voorbeeldchecklist](checklists/01-voorbeeld.md)
- Nieuw: [Thema's](themas/index.md)
- Nieuw: [Voorbeeldregio's](regios/index.md)
- Nieuw: [Bronnen](bronnen.md)
- Nieuw: [Begrippen](begrippen.md)
- Nieuw: [Borgingsscan](borgingsscan.md)"""



FOLLOW = '<p>Volg de wijzigingen in een feedlezer: <a href="../feed.xml" type="application/atom+xml">Atom-feed</a>.</p>'


def test_page_keeps_to_the_last_days_and_says_so(built, monkeypatch):
    changes, index = built
    monkeypatch.setattr(news, "MAX_DAYS", 2)
    page = news.page(changes, index, "nieuw.md")
    assert page.startswith("Hier staan de laatste 2 dagen waarop de inhoud veranderde, vanaf 30 november 2026; "
                           "oudere wijzigingen staan niet op deze pagina.\n\n" + FOLLOW + "\n\n## 1 december 2026")
    assert "## 30 november 2026" in page and "28 november" not in page


def test_many_changes_of_one_kind_on_one_day_are_one_line(built, monkeypatch):
    changes, index = built
    monkeypatch.setattr(news, "COLLAPSE", 1)
    page = news.page(changes, index, "nieuw.md")
    assert "## 28 november 2026 {#2026-11-28}\n\n- Nieuw: [2 tips](tips/index.md)\n- Bijgewerkt: [Thema's]" in page


def test_page_links_the_feed_from_its_own_address_offline_too(built):
    changes, index = built
    assert '<a href="feed.xml" type="application/atom+xml">' in news.page(changes, index, "nieuw.md", False)


def test_feed_is_valid_atom_with_one_entry_per_change(built):
    changes, index = built
    data = feed.feed(changes, index, "Toolkit & co")
    parsed = feedparser.parse(data)
    assert not parsed.bozo and parsed.version == "atom10"
    assert parsed.feed.title == "Toolkit & co: wat is er nieuw"
    assert [(e.title, e.link, e.updated, e.summary) for e in parsed.entries[:6]] == [
        ("Routekaart: Een voorbeeldelement (bijgewerkt)", "routekaart/01-voorbeeld/", "2026-12-01T00:30:00+01:00",
         "Bijgewerkt op 1 december 2026."),
        ("Scenario: Een voorbeeldscenario (verhuisd)", "scenarios/01-verhuisd/", "2026-12-01T00:30:00+01:00",
         "Op 1 december 2026 verhuisd naar een nieuw adres."),
        ("Les: Een voorbeeldles (bijgewerkt)", "lessen/#01-voorbeeld", "2026-11-30T10:00:00+01:00",
         "Bijgewerkt op 30 november 2026."),
        ("Bouwsteen: Een voorbeeldbouwsteen (verwijderd)", "nieuw/#2026-11-30", "2026-11-30T10:00:00+01:00",
         "Verwijderd op 30 november 2026; het staat niet meer op de site."),
        ("Tip: Een nieuwe tip (nieuw)", "tips/#02-nieuwe-tip", "2026-11-28T11:00:00+01:00",
         "Toegevoegd op 28 november 2026."),
        ("Thema's (bijgewerkt)", "themas/", "2026-11-28T11:00:00+01:00", "Bijgewerkt op 28 november 2026."),
    ]
    assert len(parsed.entries) == 18  # every change of the page, which fits in the feed
    assert parsed.feed.updated == "2026-12-01T00:30:00+01:00"
    assert feed.feed(changes, index, "Toolkit & co") == data  # the same in every build


def test_feed_has_what_rfc_4287_requires(built):
    """Per RFC 4287 4.1.1 and 4.1.2: the feed has one id, title and updated, an author (its entries have none),
    a link to itself and to the page; each entry one id (unique, an IRI), title, updated and link alternate (it has
    no content), and a summary."""
    changes, index = built
    root = ET.fromstring(feed.feed(changes, index, "Toolkit"))
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{tag}")) == 1
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Toolkit"
    assert {(link.get("rel"), link.get("href")) for link in root.findall(f"{ATOM}link")} == {
        ("self", "feed.xml"), ("alternate", "nieuw/")}
    ids = []
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{ATOM}{tag}")) == 1
        assert [link.get("rel") for link in entry.findall(f"{ATOM}link")] == ["alternate"]
        assert entry.find(f"{ATOM}author") is None and entry.find(f"{ATOM}content") is None
        ids.append(entry.find(f"{ATOM}id").text)
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)


def test_feed_links_are_absolute_with_a_real_address(built):
    changes, index = built
    parsed = feedparser.parse(feed.feed(changes, index, "Toolkit", "https://toolkit.example/", False))
    assert not parsed.bozo
    assert parsed.feed.id == "https://toolkit.example/feed.xml"
    assert {link.rel: link.href for link in parsed.feed.links} == {
        "self": "https://toolkit.example/feed.xml", "alternate": "https://toolkit.example/nieuw.html"}
    assert [e.link for e in parsed.entries[:3]] == ["https://toolkit.example/routekaart/01-voorbeeld.html",
                                                    "https://toolkit.example/scenarios/01-verhuisd.html",
                                                    "https://toolkit.example/lessen/index.html#01-voorbeeld"]


def test_feed_holds_the_newest_entries(built, monkeypatch):
    changes, index = built
    monkeypatch.setattr(feed, "MAX_ENTRIES", 2)
    parsed = feedparser.parse(feed.feed(changes, index, "Toolkit"))
    assert [e.title for e in parsed.entries] == ["Routekaart: Een voorbeeldelement (bijgewerkt)",
                                                 "Scenario: Een voorbeeldscenario (verhuisd)"]


REDIRECT = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verhuisd: Een voorbeeldscenario</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=../01-verhuisd/">
<link rel="canonical" href="{canonical}">
</head>
<body>
<main>
<h1>Verhuisd: Een voorbeeldscenario</h1>
<p>Deze pagina is verhuisd naar <a href="../01-verhuisd/">Een voorbeeldscenario</a>.</p>
</main>
</body>
</html>
"""


def test_renamed_scenario_keeps_its_old_address(built, tmp_path):
    changes, index = built
    written = feed.redirects(changes, index, tmp_path)
    assert written == [tmp_path / "scenarios" / "01-voorbeeld" / "index.html"]
    assert written[0].read_text(encoding="utf-8") == REDIRECT.format(canonical="../01-verhuisd/")
    feed.redirects(changes, index, tmp_path / "real", "https://toolkit.example/")
    assert (tmp_path / "real" / "scenarios" / "01-voorbeeld" / "index.html").read_text(encoding="utf-8") == \
        REDIRECT.format(canonical="https://toolkit.example/scenarios/01-verhuisd/")
    feed.redirects(changes, index, tmp_path / "offline", directory_urls=False)
    assert 'url=01-verhuisd.html">' in (tmp_path / "offline" / "scenarios" / "01-voorbeeld.html").read_text()


def test_redirect_never_replaces_a_page_of_the_site(built, tmp_path):
    changes, index = built
    page = tmp_path / "scenarios" / "01-voorbeeld" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("echte pagina", encoding="utf-8")
    assert feed.redirects(changes, index, tmp_path) == []
    assert page.read_text(encoding="utf-8") == "echte pagina"


def test_shallow_clone_says_the_overview_is_incomplete(repo, tmp_path):
    """The oldest commit of a shallow clone shows every file as new: it is left out, and the page says why."""
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", "one")
    index = load_index(tmp_path / "one" / "content")
    changes = history(index, [tmp_path / "one" / "content"])
    assert changes.state == SHALLOW and changes.changes == ()
    assert news.page(changes, index, "nieuw.md") == "\n\n".join([news.SHALLOW_NOTE, news.NOTHING_NOTE, FOLLOW])
    assert news.SHALLOW_NOTE == (
        "Dit overzicht is onvolledig: deze versie van de site is gebouwd uit een kopie met alleen het nieuwste deel "
        "van de geschiedenis van de inhoud (een ondiepe git-kopie). Oudere wijzigingen ontbreken hier en in de feed.")
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repo}", "two")
    index = load_index(tmp_path / "two" / "content")
    page = news.page(history(index, [tmp_path / "two" / "content"]), index, "nieuw.md")
    assert page == "\n\n".join([news.SHALLOW_NOTE, FOLLOW, "## 1 december 2026 {#2026-12-01}",
                                 "- Bijgewerkt: [Routekaart: Een voorbeeldelement](routekaart/01-voorbeeld.md)\n"
                                 "- Verhuisd: [Scenario: Een voorbeeldscenario](scenarios/01-verhuisd.md)"])


def test_without_git_the_page_says_so_and_the_feed_is_empty(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796050000")
    shutil.copytree(repo / "content", tmp_path / "uitgepakt" / "content")
    index = load_index(tmp_path / "uitgepakt" / "content")
    changes = history(index, [tmp_path / "uitgepakt" / "content"])
    assert changes.state == UNAVAILABLE
    assert news.page(changes, index, "nieuw.md") == news.UNAVAILABLE_NOTE + "\n\n" + FOLLOW
    assert news.UNAVAILABLE_NOTE == (
        "Dit overzicht is niet beschikbaar: deze versie van de site is gebouwd zonder de geschiedenis van de inhoud "
        "(niet uit een git-repository, maar bijvoorbeeld uit een zip- of tar-bestand). De feed heeft daarom ook geen "
        "berichten.")
    parsed = feedparser.parse(feed.feed(changes, index, "Toolkit"))
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.subtitle == news.UNAVAILABLE_NOTE
    assert parsed.feed.updated == "2026-11-30T14:46:40+00:00"
    assert feed.redirects(changes, index, tmp_path / "site") == []


def test_git_log_runs_once_per_commit(repo, monkeypatch):
    """`mkdocs serve` rebuilds after every save: while HEAD stays, git is only asked where HEAD is."""
    from macros.engine import history as module

    asked = []
    real = module._git
    monkeypatch.setattr(module, "_cache", {})
    monkeypatch.setattr(module, "_git", lambda cwd, *args, **kw: asked.append(args[0]) or real(cwd, *args, **kw))
    first = module.read_log([repo / "content"])
    assert module.read_log([repo / "content"]) is first
    assert asked == ["rev-parse", "log", "rev-parse"]


def test_a_renamed_tip_keeps_its_old_id_as_an_anchor_not_a_page(tmp_path):
    """A tip has no page of its own: its old address is tips/#old-id, which only the overview can keep (items.py)."""
    repo = tmp_path / "project"
    shutil.copytree(MINI, repo / "content")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "2026-11-20T10:00:00+01:00", "Eerste versie")
    git(repo, "mv", "content/tips/01-voorbeeld.yml", "content/tips/01-hernoemd.yml")
    edit(repo / "content" / "tips" / "01-hernoemd.yml", "id: 01-voorbeeld", "id: 01-hernoemd")
    for folder in ("scenarios", "routekaart", "checklists", "lessons", "bouwstenen"):
        for path in (repo / "content" / folder).glob("*.yml"):
            edit(path, "tips/01-voorbeeld", "tips/01-hernoemd")
    commit(repo, "2026-11-21T10:00:00+01:00")
    index = load_index(repo / "content")
    changes = history(index, [repo / "content"])
    assert [(m.kind, m.old_id, m.ref) for m in changes.moves] == [("tips", "01-voorbeeld", "tips/01-hernoemd")]
    assert feed.redirects(changes, index, tmp_path / "site") == []
