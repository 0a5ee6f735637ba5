"""macros/publish/headers.py: the Content-Security-Policy and other headers from a small built site, and security.txt."""

from __future__ import annotations

import base64
import hashlib
from datetime import date, datetime, timezone

from macros.publish import headers
from macros.site.config import Security

NOW = datetime(2025, 3, 1, 12, 30, tzinfo=timezone.utc)


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def site(tmp_path, pages: dict[str, str]):
    folder = tmp_path / "site"
    for path, text in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


def test_the_policy_allows_exactly_the_inline_scripts_and_styles_of_every_page(tmp_path):
    folder = site(tmp_path, {
        "index.html": '<script>__md_scope=new URL(".",location)</script><style>p{color:red}</style>',
        "tips/index.html": '<script>__md_scope=new URL("..",location)</script>'
                           '<script type="application/json">{"x": 1}</script><script src="a.js"></script>',
    })
    pages, found = headers.scan(folder)
    assert len(pages) == 2
    scripts = sorted([digest('__md_scope=new URL(".",location)'), digest('__md_scope=new URL("..",location)')])
    assert headers.policy(found) == (
        f"default-src 'self'; script-src 'self' {' '.join(scripts)}; style-src 'self' {digest('p{color:red}')}; "
        "img-src 'self' data:; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'")


def test_a_script_hash_reads_crlf_as_the_browser_does():
    assert headers.sha256("a\r\nb") == headers.sha256("a\nb") == digest("a\nb")


def test_style_and_event_attributes_are_named_as_what_the_policy_blocks(tmp_path):
    _, found = headers.scan(site(tmp_path, {"a/index.html": '<p style="x">x</p><img onload="go()">'}))
    assert found.blocked == [
        "a/index.html: <p style=...> wordt door de CSP geblokkeerd; zet de opmaak of het script in een apart bestand",
        "a/index.html: <img onload=...> wordt door de CSP geblokkeerd; zet de opmaak of het script in een apart bestand",
    ]


def test_the_nginx_include_and_the_headers_file_carry_the_same_headers(tmp_path):
    folder = site(tmp_path, {"index.html": "<p>x</p>", "assets/javascripts/bundle.0123abcd.min.js": "x",
                             "assets/toolkit.js": "x"})
    values = headers.headers(headers.Inline())
    conf = headers.nginx_conf(values)
    assert 'add_header X-Frame-Options "DENY" always;\n' in conf
    assert 'add_header Permissions-Policy "camera=(), geolocation=(), microphone=(), payment=(), usb=()" always;\n' in conf
    assert conf.endswith("add_header Strict-Transport-Security $toolkit_hsts always;\n")
    assert headers.headers_file(values, folder).endswith(
        "  Referrer-Policy: no-referrer\n  X-Frame-Options: DENY\n"
        "  Permissions-Policy: camera=(), geolocation=(), microphone=(), payment=(), usb=()\n"
        "  Strict-Transport-Security: max-age=31536000\n\n"
        "/assets/javascripts/bundle.0123abcd.min.js\n  Cache-Control: public, max-age=31536000, immutable\n")


def test_security_txt_expires_a_number_of_days_from_now_or_on_a_date():
    assert headers.expiry(180, NOW) == datetime(2025, 8, 28, 12, 30, tzinfo=timezone.utc)
    assert headers.expiry(date(2025, 6, 1), NOW) == datetime(2025, 6, 1, tzinfo=timezone.utc)
    assert headers.expiry("2025-06-01", NOW) == datetime(2025, 6, 1, tzinfo=timezone.utc)
    security = Security(contact=("mailto:veilig@example.nl", "https://example.nl/melden"))
    assert headers.security_txt(security, "https://toolkit.example.nl", headers.expiry(180, NOW)) == (
        "# Een kwetsbaarheid in deze site gevonden? Meld het ons via onderstaand contact.\n"
        "Contact: mailto:veilig@example.nl\nContact: https://example.nl/melden\n"
        "Expires: 2025-08-28T12:30:00Z\nPreferred-Languages: nl, en\n"
        "Canonical: https://toolkit.example.nl/.well-known/security.txt\n")
    assert "Canonical" not in headers.security_txt(security, "http://toolkit.example.nl/", NOW)


def test_write_makes_all_three_files_and_says_where(tmp_path):
    folder = site(tmp_path, {"index.html": "<script>var x=1;</script>", "a/index.html": "<p>a</p>"})
    nginx = tmp_path / "deploy" / "csp.conf"
    security = Security(contact=("tel:+31201234567",), expires=30)
    messages, problems = headers.write(folder, nginx, security, "https://toolkit.example.nl/", NOW)
    assert problems == []
    assert messages == [
        "CSP voor 2 pagina's met 1 inline scripts en 0 inline stijlen (als sha256-hash).",
        f"  nginx:           {nginx}",
        f"  andere hosting:  {folder / '_headers'}",
        f"  security.txt:    {folder / '.well-known' / 'security.txt'} (geldig tot 2025-03-31)",
    ]
    assert f"script-src 'self' {digest('var x=1;')};" in nginx.read_text(encoding="utf-8")


def test_without_a_contact_no_security_txt_and_a_reminder(tmp_path):
    folder = site(tmp_path, {"index.html": "<p>x</p>"})
    messages, problems = headers.write(folder, tmp_path / "csp.conf", Security(), "https://toolkit.example.nl/", NOW)
    assert problems == []
    assert messages[0] == "Let op: geen security.txt gemaakt; vul extra.toolkit.security.contact in mkdocs.yml in."
    assert not (folder / ".well-known").exists()


def test_an_expiry_that_is_no_date_stops_everything(tmp_path):
    folder = site(tmp_path, {"index.html": "<p>x</p>"})
    security = Security(contact=("tel:+31201234567",), expires="morgen")
    messages, problems = headers.write(folder, tmp_path / "csp.conf", security, "https://toolkit.example.nl/", NOW)
    assert problems == ["security.expires 'morgen' is geen datum (JJJJ-MM-DD) of aantal dagen"]  # and nothing else
    assert not (tmp_path / "csp.conf").exists() and not (folder / "_headers").exists()


def test_an_expiry_further_than_a_year_is_a_warning_only():
    security = Security(contact=("tel:1",), expires=400)
    assert headers.check_security(security, headers.expiry(400, NOW), NOW) == (
        [], ["security.expires (2026-04-05) ligt meer dan een jaar vooruit; RFC 9116 raadt korter aan"])
