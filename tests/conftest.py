"""Shared fixtures: one strict build of the real site per test run, served on 127.0.0.1, and Chromium."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import CHROMIUM, CHROMIUM_ARGS, ROOT, SettledBrowser, build, serve  # noqa: E402


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """The real site, built once with --strict; the result carries the build's output."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir, result


@pytest.fixture(scope="session")
def site_dir(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def base_url(site_dir):
    url, stop = serve(site_dir)
    yield url
    stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield SettledBrowser(chromium)
        chromium.close()


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """An empty folder to run `toolkit` in, as the working folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("TOOLKIT_DEBUG", raising=False)
    return tmp_path
