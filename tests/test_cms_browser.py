"""The editor at /admin/ (Decap CMS, macros/site/cms.py) used as an editor would on this computer (scripts/edit):
decap-server on a copy of the project, the copy's built site behind nginx with the headers `toolkit headers`
writes (the editor's own Content-Security-Policy), Chromium filling in the forms. What the form saves must be
the values the editor gave, only there, and pass `toolkit check`; the editor's page and preview have no axe
violations of the toolkit's own making, and nothing is requested from another host than 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import expect

from macros.engine import load_index
from sitebuild import NODE_MODULES, ROOT, as_checkout, build, copy_project
from test_deploy import _free_port, running_nginx
from test_site_browser import AXE, axe_violations

LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"
"""Where admin/config.yml (local_backend) sends the editor on this computer: scripts/edit's decap-server."""


def _git(project: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True, check=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@127.0.0.1",
                               "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@127.0.0.1"})
    return done.stdout


@contextlib.contextmanager
def decap_server(project: Path):
    """decap-server as scripts/edit starts it (MODE=fs on the checkout, bound to 127.0.0.1), on a free port:
    a developer's own scripts/edit may hold 8081 while the tests run. Yields its /api/v1 address."""
    port = _free_port()
    env = {**os.environ, "MODE": "fs", "GIT_REPO_DIRECTORY": str(project), "BIND_HOST": "127.0.0.1", "PORT": str(port)}
    process = subprocess.Popen([str(NODE_MODULES / ".bin" / "decap-server")], env=env, cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        said = []
        for line in process.stdout:  # until it says it listens, or stops (end of its output)
            said.append(line)
            if f"listening on 127.0.0.1:{port}" in line:
                break
        else:
            pytest.fail("decap-server did not start: " + "".join(said))
        threading.Thread(target=process.stdout.read, daemon=True).start()  # its request log must not fill the pipe
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    """A copy of the project as a git repository (to see what the editor changed, and to undo it), its site built
    with the npm packages (so with /admin/), served by nginx after `toolkit headers`; decap-server on the copy.
    Yields (project, the nginx server, decap-server's address)."""
    tmp = tmp_path_factory.mktemp("cms")
    project = copy_project(tmp / "project")
    as_checkout(project)  # the npm packages; the git history is the copy's own (below), not the project's
    site = tmp / "site"
    built = build(project, site)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (site / "admin" / "config.yml").is_file(), "the build wrote no /admin/: are the npm packages installed?"
    (project / ".gitignore").write_text("/node_modules\n", encoding="utf-8")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "start")
    with running_nginx(site, project / "mkdocs.yml", tmp / "nginx") as server, decap_server(project) as backend:
        yield project, server, backend


ADMIN_SECTION = "## Bekende problemen in de editor (/admin/)"
"""The heading in docs/toegankelijkheid.md that lists the axe rules Decap's own screens break."""

CSP_LISTENER = """window.__csp = [];
document.addEventListener("securitypolicyviolation",
    e => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`), true);"""

ITEMS = ":scope > div:nth-child(2) > div"
"""The entries of a Decap list control (the element whose id is '<field>-field-<n>'): header first, then entries."""
TOGGLE = ":scope > div:first-child > button >> nth=0"
"""An entry's own open/close button (entries that are already in the file start closed)."""


@dataclass
class Editor:
    project: Path
    admin: str
    page: object
    outside: list[str]

    def field(self, name: str):
        """Decap gives each control the id '<field name>-field-<counter>'; the counter depends on the form."""
        return self.page.locator(f'[id^="{name}-field-"]')

    def open(self, route: str):
        self.page.goto(self.admin + "#/" + route)

    def pick(self, name: str, label: str):
        """Choose an option of a select field by its visible label (react-select: type, then click the option)."""
        box = self.field(name).first
        box.click()
        box.fill(label)
        self.page.get_by_role("option", name=label, exact=True).click()

    def publish(self):
        """Save as an editor does in the simple publish mode (on this computer): Publiceer → Publiceer nu, and
        wait until Decap says the entry is saved."""
        self.page.get_by_role("button", name="Publiceer", exact=True).click()
        self.page.get_by_role("menuitem", name="Publiceer nu").click()
        saved = self.page.get_by_role("button", name="Gepubliceerd")
        refused = self.page.get_by_role("alert").filter(has_not_text="opgeslagen")  # not "Item opgeslagen"
        expect(saved.or_(refused).first).to_be_visible(timeout=30_000)
        assert not refused.is_visible(), "Decap did not save: " + refused.inner_text()

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__csp")


@pytest.fixture
def editor(editor_site, browser):
    """Chromium logged in to /admin/ of the copy (the one button of the local backend). Requests for decap-server's
    address in admin/config.yml go to the test's decap-server; any other host than 127.0.0.1 is recorded and refused.
    Afterwards the copy is put back as it was."""
    project, server, backend = editor_site
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(CSP_LISTENER)
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(LOCAL_BACKEND):
            return route.fulfill(response=route.fetch(url=backend + url[len(LOCAL_BACKEND):]))
        if urlparse(url).scheme in ("http", "https") and urlparse(url).hostname != "127.0.0.1":
            outside.append(url)
            return route.abort()
        return route.continue_()

    context.route("**/*", guard)
    page = context.new_page()
    admin = f"http://127.0.0.1:{server.http}/admin/"
    response = page.goto(admin)
    assert response.headers["content-security-policy"] == _admin_policy(server.site)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Tips")).to_be_visible(timeout=30_000)
    try:
        yield Editor(project, admin, page, outside)
    finally:
        context.close()
        _git(project, "checkout", "-q", "--", ".")
        _git(project, "clean", "-fdq")


def _admin_policy(site: Path) -> str:
    """The policy `toolkit headers` wrote for /admin/ in _headers (nginx sends the same, tests/test_deploy.py)."""
    rules = (site / "_headers").read_text(encoding="utf-8")
    return re.search(r"^/admin/\*\n  ! Content-Security-Policy\n  Content-Security-Policy: (.*)$", rules, re.M).group(1)


def _changed(project: Path) -> list[str]:
    return _git(project, "status", "--porcelain").splitlines()


def _toolkit_check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "check"], cwd=project, capture_output=True, text=True)


def test_a_new_tip_from_the_form_is_saved_as_given_and_passes_check(editor):
    project = editor.project
    index = load_index(project / "content")
    (first_theme, theme), (second_theme, other_theme) = list(index.themes.items())[:2]
    lesson = next(iter(index.items["lessons"].values()))
    source_id, source = next(iter(index.sources.items()))
    group = json.loads((project / "content" / "schema" / "tip.schema.json").read_text())["properties"]["group"]["enum"][0]
    following = max(int(tip_id[:2]) for tip_id in index.items["tips"]) + 1

    editor.open("collections/tips/new")
    expect(editor.field("id")).to_have_value(f"{following:02d}-")  # the next free number, as `toolkit new` gives
    tip_id = f"{following:02d}-tip-uit-de-browser"
    editor.field("id").fill(tip_id)
    editor.field("title").fill("Een tip uit de browser")
    editor.pick("group", group)
    text = editor.page.locator('[aria-label="markdown field"]').filter(has=editor.page.locator('label[for^="text-field-"]'))
    text.locator('[data-slate-editor="true"]').click()
    editor.page.keyboard.type("Leg de afspraken vast, en deel ze met iedereen.")
    editor.pick("themes", theme["title"])
    editor.pick("themes", other_theme["title"])
    editor.pick("related", f"Les: {lesson.title}")
    editor.pick("source", source["title"])
    preview = editor.page.frame_locator("#preview-pane").locator("article")
    expect(preview.locator("h1")).to_have_text("Een tip uit de browser")
    assert _axe(editor.page.locator("#preview-pane").element_handle().content_frame(), "article") == []
    editor.publish()
    expect(editor.page).to_have_url(re.compile(f"#/collections/tips/entries/{tip_id}$"))

    saved = project / "content" / "tips" / f"{tip_id}.yml"
    assert yaml.safe_load(saved.read_text(encoding="utf-8")) == {
        "id": tip_id, "title": "Een tip uit de browser", "group": group,
        "text": "Leg de afspraken vast, en deel ze met iedereen.",
        "themes": [first_theme, second_theme], "related": [lesson.ref], "source": source_id,
    }
    assert _changed(project) == [f"?? content/tips/{tip_id}.yml"]
    checked = _toolkit_check(project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert editor.csp_violations() == []
    assert editor.outside == []


def _first_action_point(project: Path) -> tuple[Path, int, int, list]:
    """The first routekaart element with a section whose text has action points: (file, section, block, items)."""
    for path in sorted((project / "content" / "routekaart").glob("*.yml")):
        chapter = yaml.safe_load(path.read_text(encoding="utf-8"))
        for s, section in enumerate(chapter.get("sections") or []):
            for b, block in enumerate(section.get("body") or []):
                if "actions" in block:
                    return path, s, b, block["actions"]["items"]
    pytest.fail("no routekaart section with action points: choose another example in this test")


def _open_entry(container, n: int):
    entry = container.locator(ITEMS).nth(n)
    entry.locator(TOGGLE).click()
    return entry


def test_b_an_edited_action_point_changes_only_that_point(editor):
    project = editor.project
    path, s, b, items = _first_action_point(project)
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = items[0] if isinstance(items[0], str) else items[0]["text"]

    editor.open(f"collections/routekaart/entries/{path.stem}")
    expect(editor.field("title").first).to_have_value(before["title"], timeout=30_000)
    section = _open_entry(editor.field("sections").first, s)
    block = _open_entry(section.locator('[id^="body-field-"]').first, b)
    point = _open_entry(block.locator('[id^="actions-field-"]').first.locator('[id^="items-field-"]').first, 0)
    text = point.locator('[data-slate-editor="true"]').first
    expect(text).to_have_text(first)
    text.click()
    editor.page.keyboard.press("Control+a")
    editor.page.keyboard.type("Een actiepunt dat in de browser is herschreven.")
    expect(text).to_have_text("Een actiepunt dat in de browser is herschreven.")
    editor.publish()

    expected = before
    point_in_file = expected["sections"][s]["body"][b]["actions"]["items"]
    point_in_file[0] = ("Een actiepunt dat in de browser is herschreven." if isinstance(items[0], str)
                        else {**items[0], "text": "Een actiepunt dat in de browser is herschreven."})
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == expected
    assert _changed(project) == [f" M {path.relative_to(project).as_posix()}"]
    checked = _toolkit_check(project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert editor.csp_violations() == []
    assert editor.outside == []


def _axe(frame, context: str | None = None) -> list[str]:
    """axe_violations (tests/test_site_browser.py) in a page or frame whose CSP refuses the inline script
    Playwright's add_script_tag would add: axe-core is evaluated there first (DevTools, which the CSP allows)."""
    frame.evaluate(AXE.read_text(encoding="utf-8") + ";0")
    return axe_violations(frame, context)


def test_c_the_editors_own_page_is_accessible_where_it_is_not_set_up(editor_site, browser):
    """/admin/ on a site whose editor is not set up (no extra.toolkit.editor, not this computer): the toolkit's own
    page says so, with no axe violations. The site is asked for under a public name that Playwright answers from
    the test's nginx, so nothing leaves 127.0.0.1."""
    _, server, _ = editor_site
    context = browser.new_context()
    context.add_init_script(CSP_LISTENER)
    outside: list[str] = []
    local = f"http://127.0.0.1:{server.http}"

    asked: list[str] = []

    def answer(route):
        url = route.request.url
        asked.append(url)
        if url.startswith("https://toolkit.example.nl/"):
            return route.fulfill(response=route.fetch(url=local + url[len("https://toolkit.example.nl"):]))
        outside.append(url)
        return route.abort()

    context.route("**/*", answer)
    try:
        page = context.new_page()
        page.goto("https://toolkit.example.nl/admin/")
        expect(page.get_by_text("De editor is voor deze site niet ingesteld.")).to_be_visible()
        expect(page.get_by_text("De editor wordt geladen…")).to_be_hidden()
        assert _axe(page) == []
        assert page.evaluate("window.__csp") == []
        assert outside == []
        assert [url for url in asked if "decap-cms" in url] == []  # no 5 MB download where it cannot start
    finally:
        context.close()


def _rules(page_or_frame) -> set[str]:
    page_or_frame.evaluate(AXE.read_text(encoding="utf-8") + ";0")
    return {line.split(" ", 1)[0] for line in axe_violations(page_or_frame)}


def test_c_the_accessibility_statement_lists_what_axe_finds_in_decap(editor):
    """Decap's own screens (login, a list, the form with its preview) are not the toolkit's to fix; the
    accessibility statement names every axe rule they break, and no more (a new Decap version shows here)."""
    page = editor.page
    tip = sorted(load_index(editor.project / "content").items["tips"])[0]
    editor.open("collections/tips")
    expect(page.get_by_role("link", name=re.compile(f"^{re.escape(tip)}: "))).to_be_visible()
    found = _rules(page)
    editor.open(f"collections/tips/entries/{tip}")
    expect(page.frame_locator("#preview-pane").locator("article h1")).to_be_visible()
    found |= _rules(page)
    found |= {f"{rule} (voorvertoning)" for rule in _rules(page.locator("#preview-pane").element_handle().content_frame())}
    page.evaluate("localStorage.clear()")  # logged out: Decap's login screen
    page.goto(editor.admin)
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
    found |= _rules(page)
    statement = (ROOT / "docs" / "toegankelijkheid.md").read_text(encoding="utf-8")
    assert ADMIN_SECTION in statement
    section = statement.split(ADMIN_SECTION, 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^- `([a-z0-9-]+)`( \(voorvertoning\))?", section, re.M))
    assert {rule + suffix for rule, suffix in listed} == found
