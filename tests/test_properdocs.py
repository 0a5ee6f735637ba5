"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site from the same mkdocs.yml.

Material for MkDocs 9.x reaches its end of life on 2027-05-05; README.md ("Weg van Material 9.x") names the ways
on. ProperDocs is a drop-in for MkDocs 1.6: it runs the same plugins (mkdocs-macros, Material's search) and the
same theme. The real project is built with MkDocs (the session's strict build) and with
``properdocs build --strict -f mkdocs.yml``, in a copy as on a fresh checkout: without what a build writes into
docs/ (ProperDocs runs the macros as MkDocs does, so no ``toolkit pages`` first), and without NO_MKDOCS_2_WARNING,
which ProperDocs does not need. Every file of the two sites is the same, byte for byte, but for one line that
differs by design: the generator meta tag, which names ProperDocs where MkDocs names its own version.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, timezone
from importlib.metadata import version
from pathlib import Path

import pytest

from sitebuild import ROOT, as_checkout, build, copy_project, pages
from test_zensical import page_file, page_text

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


def properdocs(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the `properdocs` command of this venv in a project folder, as README.md says, in an environment
    without the variables that silence MkDocs' and Material's notices."""
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    return subprocess.run([str(Path(sys.executable).parent / "properdocs"), *args], cwd=project,
                          env={**clean, "NO_COLOR": "1", **(env or {})}, capture_output=True, text=True, timeout=600)


def fresh_copy(dest: Path) -> Path:
    """A copy of the project without what a build wrote into docs/: not there on a fresh checkout."""
    project = copy_project(dest)
    ignored = subprocess.run(["git", "ls-files", "--others", "--ignored", "--exclude-standard", "-z", "--", "docs"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for rel in filter(None, ignored.split("\0")):
        (project / rel).unlink(missing_ok=True)
    return project


@pytest.fixture(scope="module")
def properdocs_build(site_dir, tmp_path_factory):
    """The real project built with ProperDocs, copied after the MkDocs build, so from the same sources. The
    sitemap dates every page with the day of the build: ProperDocs builds on the MkDocs build's day
    (SOURCE_DATE_EPOCH, which both honour), also when the tests run past midnight."""
    project = fresh_copy(tmp_path_factory.mktemp("properdocs") / "project")
    day = date.fromisoformat(re.search(r"<lastmod>([0-9-]+)</lastmod>",
                                       (site_dir / "sitemap.xml").read_text(encoding="utf-8")).group(1))
    epoch = int(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).timestamp())
    site = project / "site"
    result = properdocs(project, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site),
                        env={"SOURCE_DATE_EPOCH": str(epoch), **as_checkout(project)})
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result


@pytest.fixture(scope="module")
def properdocs_dir(properdocs_build) -> Path:
    return properdocs_build[0]


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def test_properdocs_builds_without_warnings_or_notices(properdocs_build):
    """No MkDocs 2 notice, no end-of-life notice from Material, no request to rename mkdocs.yml: nothing to silence."""
    _, result = properdocs_build
    output = result.stdout + result.stderr
    assert "WARNING" not in output and "ERROR" not in output, output
    assert "end of life" not in output and "properdocs.yml" not in output, output


def test_properdocs_builds_the_same_pages(site_dir, properdocs_dir):
    mkdocs_pages, properdocs_pages = set(pages(site_dir)), set(pages(properdocs_dir))
    assert sorted(mkdocs_pages - properdocs_pages) == [], "pagina's die ProperDocs niet bouwt"
    assert sorted(properdocs_pages - mkdocs_pages) == [], "pagina's die alleen ProperDocs bouwt"


def test_properdocs_home_page_has_the_text(site_dir, properdocs_dir):
    title, text = page_text(properdocs_dir, "")
    assert "Toolkit regionale samenwerking" in title and len(text) > 200, (title, text)
    assert (title, text) == page_text(site_dir, "")


def test_every_page_is_the_same_html_but_its_generator(site_dir, properdocs_dir):
    def without_generator(url, site):
        html = page_file(site, url).read_text(encoding="utf-8")
        assert len(GENERATOR.findall(html)) == 1, f"{url or '/'}: geen of meer dan één generator"
        return GENERATOR.sub("", html)

    differ = [url or "/" for url in pages(site_dir)
              if without_generator(url, site_dir) != without_generator(url, properdocs_dir)]
    assert differ == []


def test_generator_names_properdocs(site_dir, properdocs_dir):
    """The one difference by design: Material writes the builder's mkdocs_version, which ProperDocs sets to its name."""
    material = version("mkdocs-material")
    mkdocs_html, properdocs_html = (page_file(site, "").read_text(encoding="utf-8") for site in (site_dir, properdocs_dir))
    assert GENERATOR.findall(mkdocs_html) == [f"mkdocs-{version('mkdocs')}, mkdocs-material-{material}"]
    assert GENERATOR.findall(properdocs_html) == [f"mkdocs-ProperDocs {version('properdocs')}, mkdocs-material-{material}"]


def test_properdocs_writes_the_same_other_files(site_dir, properdocs_dir):
    """Search index, sitemap, Material's and the toolkit's stylesheets and scripts, logo: byte for byte."""
    mkdocs_files, properdocs_files = _files(site_dir), _files(properdocs_dir)
    assert sorted(set(mkdocs_files) ^ set(properdocs_files)) == []
    assert "search/search_index.json" in mkdocs_files and "sitemap.xml.gz" in mkdocs_files
    assert [rel for rel in mkdocs_files if not rel.endswith(".html")
            and mkdocs_files[rel].read_bytes() != properdocs_files[rel].read_bytes()] == []


def test_bad_content_stops_properdocs_with_the_message_of_mkdocs(tmp_path):
    """An editor's mistake stops a ProperDocs build as it stops MkDocs: the same Dutch line with file:line:col."""
    project = fresh_copy(tmp_path / "project")
    (project / "content" / "tips" / "99-kapot.yml").write_text("title: [\n", encoding="utf-8")
    result = properdocs(project, "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = ("content/tips/99-kapot.yml:2:1: error: ongeldige YAML: expected the node content, "
            "but found '<stream end>'")
    assert any(out.endswith(line) for out in output.splitlines()), output
    assert "Traceback" not in output
    mkdocs = build(project, tmp_path / "mkdocs-site")
    assert mkdocs.returncode != 0
    assert any(out.endswith(line) for out in (mkdocs.stdout + mkdocs.stderr).splitlines())
