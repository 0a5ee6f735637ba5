"""macros/site/config.py and macros/publish/address.py: options from mkdocs.yml, and whether site_url is a real address."""

from __future__ import annotations

import pytest

from macros.publish import address
from macros.site.config import Options, Security


def test_options_are_relative_to_mkdocs_yml(tmp_path):
    (tmp_path / "regio").mkdir()
    options = Options.from_mkdocs({"config_file_path": str(tmp_path / "mkdocs.yml"), "extra": {"toolkit": {
        "region": "Regio Twente", "contact": {"name": "Marije"}}}})
    assert options.content == tmp_path / "content"
    assert options.overlay == tmp_path / "regio"
    assert (options.region, options.contact, options.show_national_contact) == ("Regio Twente", {"name": "Marije"}, True)


def test_without_a_regio_folder_there_is_no_overlay(tmp_path):
    assert Options.from_mkdocs({"config_file_path": str(tmp_path / "mkdocs.yml")}).overlay is None


@pytest.mark.parametrize("repo_url, edit_uri, docs_dir, edit_base", [
    ("https://github.com/org/toolkit", "edit/main/docs/", None, "https://github.com/org/toolkit/edit/main/"),
    ("https://github.com/org/toolkit/", "edit/main/pagina/", "pagina", "https://github.com/org/toolkit/edit/main/"),
    ("https://gitlab.example.nl/r/t", "-/edit/main/", None, "https://gitlab.example.nl/r/t/-/edit/main/"),
    ("https://github.com/org/toolkit", None, None, ""),
    (None, "edit/main/docs/", None, ""),
])
def test_the_edit_address_is_the_repository_without_the_docs_folder(tmp_path, repo_url, edit_uri, docs_dir, edit_base):
    conf = {"config_file_path": str(tmp_path / "mkdocs.yml"), "repo_url": repo_url, "edit_uri": edit_uri,
            "docs_dir": docs_dir}
    assert Options.from_mkdocs(conf).edit_base == edit_base


def test_security_settings_take_one_address_or_a_list():
    assert Security.from_dict({"contact": "mailto:a@example.nl"}) == Security(contact=("mailto:a@example.nl",))
    assert Security.from_dict(None) == Security(contact=(), expires=180, preferred_languages="nl, en")
    assert Security.from_dict({"contact": ["tel:1", "https://x"], "expires": 30}).contact == ("tel:1", "https://x")


@pytest.mark.parametrize("site_url", [None, "", "toolkit.example.nl", "http://localhost:8000/",
                                      "http://127.0.0.1:8000/", "http://[::1]/", "http://0.0.0.0/",
                                      "http://[::ffff:127.0.0.1]/", "http://[oeps/"])
def test_addresses_that_only_work_on_this_computer(site_url):
    assert address.is_local(site_url)
    assert address.problem(site_url).endswith(
        "Zet in mkdocs.yml (een regio: in mkdocs.regio.yml) bij site_url het echte adres van jullie site, zoals "
        "https://toolkit.jouwregio.nl/, en bouw de site opnieuw (bash scripts/build).")


@pytest.mark.parametrize("site_url", ["https://toolkit.example.nl/", "http://10.0.0.5/", "https://localhost.nl/"])
def test_real_addresses(site_url):
    assert not address.is_local(site_url)
    assert address.problem(site_url) is None
