"""macros/site/bindings.py: the macros pages call, bound to the page being rendered, and the contact block."""

from __future__ import annotations

from types import SimpleNamespace

from macros.site.config import Options
from macros.site.bindings import Site


def site(index, tmp_path, page: str, conf: dict | None = None, **options) -> Site:
    env = SimpleNamespace(conf=conf or {}, page=SimpleNamespace(file=SimpleNamespace(src_uri=page)))
    return Site(index, Options(content=tmp_path, **options), env)


def test_a_macro_renders_for_the_page_it_is_called_on(mini, tmp_path):
    tips = site(mini, tmp_path, "tips/index.md")
    assert tips.current == "tips/index.md"
    assert "[Een voorbeeldles](../lessen/index.md#01-voorbeeld)" in tips.tips_overview()
    assert "[Een voorbeeldles](lessen/index.md#01-voorbeeld)" in tips.on_page("index.md").tips_overview()
    assert set(tips.macros()) == set(Site.MACROS)


def test_a_kind_without_an_overview_of_its_own(mini, tmp_path):
    macros = site(mini, tmp_path, "scenarios/index.md")
    assert macros.kind_overview("scenarios") == macros.scenarios_overview()
    assert macros.on_page("bouwstenen/index.md").kind_overview("bouwstenen").startswith(
        "## Een voorbeeldbouwsteen {#01-voorbeeld}")


def test_the_checklist_page_follows_site_url_and_the_offline_plugin(mini, tmp_path):
    conf = {"site_url": "https://toolkit.example.nl/", "use_directory_urls": False}
    page = site(mini, tmp_path, "checklists/01-voorbeeld.md", conf).checklist_page("01-voorbeeld")
    assert '<a href="pdf/01-voorbeeld.pdf" download>' in page
    assert "https://toolkit.example.nl/checklists/01-voorbeeld/" in page
    offline = {"plugins": {"material/offline": SimpleNamespace(config=SimpleNamespace(enabled=True))}}
    assert ".pdf" not in site(mini, tmp_path, "checklists/01-voorbeeld.md", offline).checklist_page("01-voorbeeld")


def test_the_regions_contact_and_the_national_one(mini, tmp_path):
    national = {"text": "Vragen over de toolkit?", "email": "toolkit@example.nl"}
    own = {"name": "Marije Nool", "phone": "06 12 34 56 78"}
    both = site(mini, tmp_path, "index.md", region="Regio Twente", contact=own, national_contact=national)
    assert both.contact_block() == (
        '<div class="toolkit-contact" markdown>\n\n**Regio Twente**  \nMeer weten? Neem contact op.  \n'
        "**Marije Nool**  \nTelefoon: [06 12 34 56 78](tel:0612345678)\n\n</div>\n\n"
        '<div class="toolkit-contact" markdown>\n\n**Landelijk**  \nVragen over de toolkit?  \n'
        "E-mail: <toolkit@example.nl>\n\n</div>")
    only_own = site(mini, tmp_path, "index.md", region="Regio Twente", contact=own, national_contact=national,
                    show_national_contact=False)
    assert "Landelijk" not in only_own.contact_block() and "Marije Nool" in only_own.contact_block()
    national_only = site(mini, tmp_path, "index.md", national_contact=national, show_national_contact=False)
    assert national_only.contact_block() == (
        '<div class="toolkit-contact" markdown>\n\nVragen over de toolkit?  \nE-mail: <toolkit@example.nl>\n\n</div>')
    assert national_only.region_name() == ""
