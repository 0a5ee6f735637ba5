"""Security headers for serving the built site (`toolkit headers SITE_DIR`).

Material puts a few inline scripts in every page; one of them differs by page depth
(``__md_scope=new URL("..",location)``). The Content-Security-Policy allows exactly those scripts by their
sha256 hash, never with 'unsafe-inline'. All hashes go into one policy for every page: with
navigation.instant the first page's policy stays in force while Material swaps in pages of other depths,
and static hosts set one header set for the whole site anyway.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

from . import address
from ..cli import ToolkitError
from ..site.config import Security

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(css|js)(\.map)?$")
"""Material's files with a content hash in the name (bundle.<hash>.min.js, ...); deploy/site.conf matches the same."""

ADMIN_CONF = "csp-admin.conf"
"""The nginx include for /admin/, beside the one for every other location (deploy/site.conf)."""

IMMUTABLE = "public, max-age=31536000, immutable"
HSTS = "max-age=31536000"
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}  # others, like JSON, are data, not code


@dataclass
class Inline:
    """What the CSP must allow: hashes of inline scripts and <style> elements; and what it can't (attributes)."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    blocked: list[str] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self, page: str, found: Inline):
        super().__init__(convert_charrefs=True)
        self.page, self.found, self.kind, self.text = page, found, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in attrs:
            if name == "style" or name.startswith("on"):
                self.found.blocked.append(f"{self.page}: <{tag} {name}=...> wordt door de CSP geblokkeerd; "
                                          "zet de opmaak of het script in een apart bestand")
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in SCRIPT_TYPES:
            self.kind, self.text = "scripts", []
        elif tag == "style":
            self.kind, self.text = "styles", []

    def handle_data(self, data):
        if self.kind:
            self.text.append(data)

    def handle_endtag(self, tag):
        if self.kind and tag in ("script", "style"):
            getattr(self.found, self.kind).add(sha256("".join(self.text)))
            self.kind = None


def sha256(text: str) -> str:
    """A CSP hash source for an inline script or style, as the browser computes it (CRLF read as LF)."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def scan(site_dir: Path) -> tuple[list[Path], Inline]:
    pages, found = sorted(site_dir.rglob("*.html")), Inline()
    for page in pages:
        scanner = _Scanner(page.relative_to(site_dir).as_posix(), found)
        try:
            scanner.feed(page.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise ToolkitError(f"{page}: geen UTF-8-tekst; is dit een gebouwde site? Niets geschreven.") from None
        scanner.close()
    return pages, found


def policy(found: Inline) -> str:
    def sources(hashes):
        return " ".join(["'self'", *sorted(hashes)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {sources(found.scripts)}",
        f"style-src {sources(found.styles)}",
        "img-src 'self' data:",  # Material's icons are data: SVGs in its stylesheet
        "worker-src 'self'",  # the search worker
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def admin_policy(editor: dict) -> str:
    """The policy of /admin/ only (macros/site/cms.py): Decap CMS compiles code at run time ('unsafe-eval'),
    injects its styles as <style> elements ('unsafe-inline'), reads uploads through blob: URLs, and talks to the
    git host's API and login, and on the editor's own computer to decap-server (scripts/edit)."""
    from ..site.cms import LOCAL_BACKEND, connect_sources

    connect = ["'self'", "blob:", *connect_sources(editor), LOCAL_BACKEND.rsplit("/api/", 1)[0]]
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        f"connect-src {' '.join(connect)}",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def headers(found: Inline, csp: str | None = None) -> dict[str, str]:
    """The headers for every response (pages, assets, the 404 page), apart from HSTS and caching; with ``csp``
    that policy instead of the pages' one (/admin/)."""
    return {
        "Content-Security-Policy": csp or policy(found),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), geolocation=(), microphone=(), payment=(), usb=()",
    }


def nginx_conf(values: dict[str, str]) -> str:
    lines = [
        "# Generated by `toolkit headers` from the built site: do not edit; run it again after every build.",
        "# The security headers for every response. deploy/site.conf includes this file in every location that",
        "# sets a header of its own, because nginx then drops the add_header lines it would otherwise inherit.",
        "# $toolkit_hsts comes from deploy/nginx.conf: empty over plain HTTP, so HSTS is only sent over HTTPS.",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in values.items()]
    lines.append("add_header Strict-Transport-Security $toolkit_hsts always;")
    return "\n".join(lines) + "\n"


def headers_file(values: dict[str, str], site_dir: Path, admin: str | None = None) -> str:
    """`_headers` for Netlify and Cloudflare Pages: the same headers, and long caching for fingerprinted files;
    with ``admin``, /admin/ gets that policy instead (``! Content-Security-Policy`` drops the one of ``/*``
    on Cloudflare Pages; Netlify sends both, and a browser then applies the stricter: see CONTRIBUTING.md)."""
    lines = ["# Generated by `toolkit headers`: security headers for static hosts that read _headers.", "/*"]
    lines += [f"  {name}: {value}" for name, value in {**values, "Strict-Transport-Security": HSTS}.items()]
    if admin:
        lines += ["", "/admin/*", "  ! Content-Security-Policy", f"  Content-Security-Policy: {admin}"]
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file() and FINGERPRINTED.search(p.name)):
        lines += ["", "/" + path.relative_to(site_dir).as_posix(), f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def expiry(value, now: datetime) -> datetime:
    if isinstance(value, int) and not isinstance(value, bool):
        return (now + timedelta(days=value)).replace(microsecond=0)
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return datetime.combine(day, time(), timezone.utc)


def security_txt(security: Security, site_url: str | None, expires: datetime) -> str:
    lines = ["# Een kwetsbaarheid in deze site gevonden? Meld het ons via onderstaand contact."]
    lines += [f"Contact: {contact}" for contact in security.contact]
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    lines.append(f"Preferred-Languages: {security.preferred_languages}")
    if site_url and site_url.startswith("https://"):
        lines.append(f"Canonical: {site_url.rstrip('/')}/.well-known/security.txt")
    return "\n".join(lines) + "\n"


def check_security(security: Security, expires: datetime | None, now: datetime) -> tuple[list[str], list[str]]:
    """Problems that stop security.txt from being written, and warnings (``expires`` None: unreadable,
    already reported)."""
    problems, warnings = [], []
    for contact in security.contact:
        if not contact.startswith(("mailto:", "https://", "tel:")):
            problems.append(f"security.contact '{contact}' moet beginnen met mailto:, https:// of tel:")
    if expires is None:
        pass
    elif expires <= now:
        problems.append(f"security.expires ({expires:%Y-%m-%d}) ligt in het verleden; kies een latere datum "
                        "of een aantal dagen")
    elif expires > now + timedelta(days=365):
        warnings.append(f"security.expires ({expires:%Y-%m-%d}) ligt meer dan een jaar vooruit; "
                        "RFC 9116 raadt korter aan")
    return problems, warnings


def write(site_dir: Path, nginx_out: Path, security: Security, site_url: str | None,
          now: datetime | None = None, editor: dict | None = None) -> tuple[list[str], list[str]]:
    """Write the nginx include, SITE_DIR/_headers and SITE_DIR/.well-known/security.txt.
    Returns (messages, problems); with problems, nothing is written. A site_url that only works on this
    computer is a problem: a site built with it has that address in its sitemap and canonical links."""
    now = now or datetime.now(timezone.utc)
    pages, found = scan(site_dir)
    if not pages:
        return [], [f"{site_dir}: geen HTML-pagina's gevonden; bouw eerst de site (mkdocs build)."]
    problems, messages = list(found.blocked), []
    local = address.problem(site_url)  # the last step of a publication build: stop before a local address goes out
    if local:
        problems.insert(0, local)
    try:
        expires = expiry(security.expires, now)
    except ValueError:
        expires, problems = None, problems + [f"security.expires '{security.expires}' is geen datum "
                                              "(JJJJ-MM-DD) of aantal dagen"]
    if security.contact:
        more, messages = check_security(security, expires, now)
        problems += more
    else:
        messages.append("Let op: geen security.txt gemaakt; vul extra.toolkit.security.contact in mkdocs.yml in.")
    if problems:
        return messages, problems

    values = headers(found)
    admin = admin_policy(editor or {}) if (site_dir / "admin" / "index.html").is_file() else None
    nginx_out.parent.mkdir(parents=True, exist_ok=True)
    nginx_out.write_text(nginx_conf(values), encoding="utf-8")
    # deploy/site.conf's `location /admin/` includes this one: the same headers with the editor's policy
    nginx_out.with_name(ADMIN_CONF).write_text(nginx_conf(headers(found, admin or policy(found))), encoding="utf-8")
    (site_dir / "_headers").write_text(headers_file(values, site_dir, admin), encoding="utf-8")
    messages.append(f"CSP voor {len(pages)} pagina's met {len(found.scripts)} inline scripts en "
                    f"{len(found.styles)} inline stijlen (als sha256-hash).")
    messages.append(f"  nginx:           {nginx_out}")
    messages.append(f"  andere hosting:  {site_dir / '_headers'}")
    if security.contact:
        txt = site_dir / ".well-known" / "security.txt"
        txt.parent.mkdir(exist_ok=True)
        txt.write_text(security_txt(security, site_url, expires), encoding="utf-8")
        messages.append(f"  security.txt:    {txt} (geldig tot {expires:%Y-%m-%d})")
    return messages, []
