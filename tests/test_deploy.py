"""Serving the site for real: a real nginx with deploy/nginx.conf (HTTP, the HTTPS example with a throwaway
certificate, and the redirect) in front of a copy of the built site after `toolkit headers` ran on it.
Checks the security headers on pages, assets and the 404 page, compression (the .gz files of `toolkit compress`
sent as they are), caching, security.txt, and that every page loads in Chromium without a Content-Security-Policy
violation and search works."""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from sitebuild import ROOT, expected_pages

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PAGES = expected_pages()
HOST = "toolkit.example.nl"  # server_name of the HTTPS and redirect examples in deploy/nginx.conf
SAME_EVERYWHERE = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
IMMUTABLE = "public, max-age=31536000, immutable"
MATERIAL_HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)")  # bundle.a5f9d56c.min.js, main.57a0d79d.min.css, ...


@dataclass
class Nginx:
    site: Path
    http: int
    https: int
    redirect: int
    csp: str
    tls: ssl.SSLContext

    def get(self, path, headers=None, https=False, port=None, method="GET"):
        """One request; returns (status, headers, body)."""
        if https:
            conn = http.client.HTTPSConnection("127.0.0.1", self.https, timeout=10, context=self.tls)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", port or self.http, timeout=10)
        try:
            conn.request(method, path, headers={"Host": HOST, **(headers or {})})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _substitute(path: Path, replacements: dict[str, str]):
    text = path.read_text()
    for old, new in replacements.items():
        assert old in text, f"{path.name} no longer contains {old!r}; update tests/test_deploy.py"
        text = text.replace(old, new)
    path.write_text(text)


SECURITY_CONTACT = "mailto:security@toolkit.example.nl"


@pytest.fixture(scope="module")
def nginx(site_dir, tmp_path_factory):
    with running_nginx(site_dir, ROOT / "mkdocs.yml", tmp_path_factory.mktemp("nginx")) as server:
        yield server


@contextlib.contextmanager
def running_nginx(site_dir: Path, mkdocs_yml: Path, tmp: Path):
    """A copy of a built site after `toolkit headers`, served by nginx with deploy/nginx.conf."""
    if not os.path.exists(NGINX):
        pytest.fail("nginx is not installed (apt-get install nginx)")
    site, deploy = tmp / "site", tmp / "deploy"
    shutil.copytree(site_dir, site)
    shutil.copytree(ROOT / "deploy", deploy, ignore=shutil.ignore_patterns("generated"))
    # The national mkdocs.yml names no security contact (whoever hosts the site does) and has the local address
    # for `mkdocs serve`, which `toolkit headers` refuses: use a contact and the real address here.
    config = tmp / "mkdocs.yml"
    national = mkdocs_yml.read_text(encoding="utf-8")
    assert "      contact: []" in national
    national, found = re.subn(r"(?m)^site_url: .*$", f"site_url: https://{HOST}/", national, count=1)
    assert found == 1, f"{mkdocs_yml} has no site_url line; update tests/test_deploy.py"
    config.write_text(national.replace("      contact: []", f"      contact: {SECURITY_CONTACT}", 1), encoding="utf-8")
    made = subprocess.run([sys.executable, "-m", "macros", "headers", str(site), "--config", str(config), "--nginx",
                           str(deploy / "generated" / "csp.conf")], cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr
    packed = subprocess.run([sys.executable, "-m", "macros", "compress", str(site)], cwd=ROOT, capture_output=True,
                            text=True)  # as scripts/build does: the .gz files that gzip_static sends
    assert packed.returncode == 0, packed.stdout + packed.stderr
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={HOST}",
                    "-addext", f"subjectAltName=DNS:{HOST}", "-keyout", str(tmp / "key.pem"),
                    "-out", str(tmp / "cert.pem")], check=True, capture_output=True)

    ports = {"http": _free_port(), "https": _free_port(), "redirect": _free_port()}
    _substitute(deploy / "nginx.conf", {
        "listen 8080;": f"listen 127.0.0.1:{ports['http']};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{ports['https']} ssl http2;",
        "listen 80;": f"listen 127.0.0.1:{ports['redirect']};",
        f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(tmp / "cert.pem"),
        f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(tmp / "key.pem"),
        "/srv/toolkit/deploy/": f"{deploy}/",
    })
    _substitute(deploy / "site.conf", {"root /srv/toolkit/site;": f"root {site};", "/srv/toolkit/deploy/": f"{deploy}/"})
    temp = "\n".join(f"    {kind}_temp_path {tmp}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = tmp / "nginx.conf"
    conf.write_text(f"""daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{temp}
    include {deploy}/nginx.conf;
}}
""")
    command = [NGINX, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "error.log")]
    tested = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert tested.returncode == 0, tested.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        for port in ports.values():
            while True:
                assert process.poll() is None, (tmp / "error.log").read_text()
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert time.monotonic() < deadline, "nginx did not start listening"
                    time.sleep(0.05)
        tls = ssl.create_default_context(cafile=str(tmp / "cert.pem"))
        tls.check_hostname = False  # we connect to 127.0.0.1; the certificate names toolkit.example.nl
        csp = re.search(r"^  Content-Security-Policy: (.*)$", (site / "_headers").read_text(), re.M).group(1)
        yield Nginx(site, ports["http"], ports["https"], ports["redirect"], csp, tls)
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful stop
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _fingerprinted(site: Path) -> list[str]:
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*")
                  if MATERIAL_HASHED.search(p.name) and p.suffix != ".gz")


def _assert_security_headers(headers, csp: str, https: bool = False):
    for name, value in SAME_EVERYWHERE.items():
        assert headers.get_all(name) == [value], name
    assert headers.get_all("Content-Security-Policy") == [csp]
    assert len(headers.get_all("Permissions-Policy") or []) == 1
    assert headers.get_all("Strict-Transport-Security") == (["max-age=31536000"] if https else None)
    assert headers["Server"] == "nginx"  # no version number


def _samples(nginx: Nginx) -> dict[str, str]:
    """A page, a deeper page, a fingerprinted and a plain asset, the 404 page, security.txt."""
    bundle = next(p for p in _fingerprinted(nginx.site) if "/bundle." in p and p.endswith(".js"))
    return {"/": "no-cache", "/tips/": "no-cache", bundle: IMMUTABLE, "/assets/toolkit.css": "no-cache",
            "/search/search_index.json": "no-cache", "/bestaat-niet/": "no-cache",
            "/.well-known/security.txt": "no-cache"}


def test_headers_on_pages_assets_and_404(nginx):
    for path, cache in _samples(nginx).items():
        status, headers, _ = nginx.get(path)
        assert status == (404 if path == "/bestaat-niet/" else 200), path
        _assert_security_headers(headers, nginx.csp)
        assert headers["Cache-Control"] == cache, path


def test_https_example_adds_hsts(nginx):
    for path, cache in _samples(nginx).items():
        status, headers, _ = nginx.get(path, https=True)
        assert status == (404 if path == "/bestaat-niet/" else 200), path
        _assert_security_headers(headers, nginx.csp, https=True)
        assert headers["Cache-Control"] == cache, path


def test_plain_http_example_redirects_to_https(nginx):
    status, headers, _ = nginx.get("/tips/?q=1", port=nginx.redirect)
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/tips/?q=1"


def test_missing_page_gets_the_sites_own_404_page(nginx):
    own = (nginx.site / "404.html").read_bytes()
    bundle = next(p for p in _fingerprinted(nginx.site) if p.endswith(".js"))
    for path in ("/bestaat-niet/", "/tips/geen-tip.html", bundle.replace(".min.js", "0.min.js"), "/_headers"):
        status, headers, body = nginx.get(path)
        assert (status, body) == (404, own), path
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["Cache-Control"] == "no-cache", f"{path}: a 404 must not be cached for a year"
        _assert_security_headers(headers, nginx.csp)


def test_directory_without_slash_redirects_relatively(nginx):
    status, headers, _ = nginx.get("/tips")
    assert (status, headers["Location"]) == (301, "/tips/")


@pytest.mark.parametrize("path", ["/", "/assets/toolkit.css", "BUNDLE", "/search/search_index.json",
                                  "/assets/figuur.svg", "/sitemap.xml"])
def test_text_is_gzipped(nginx, path):
    if path == "BUNDLE":
        path = next(p for p in _fingerprinted(nginx.site) if p.endswith(".js"))
    if path == "/assets/figuur.svg":  # the site's only SVG (the logo) is below gzip_min_length
        circles = "".join(f'<circle cx="{i}" cy="{i}" r="{i}"/>' for i in range(60))
        (nginx.site / "assets" / "figuur.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg">{circles}</svg>')
    file = nginx.site / (path.lstrip("/") or "index.html")
    status, headers, body = nginx.get(path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == file.read_bytes()
    assert len(body) < file.stat().st_size
    packed = file.with_name(file.name + ".gz")  # from `toolkit compress`; figuur.svg was made after it ran
    assert packed.exists() == (path != "/assets/figuur.svg")
    if packed.exists():
        assert body == packed.read_bytes()  # sent as it is (gzip_static), smaller than nginx's own gzip
        assert len(body) < len(gzip.compress(file.read_bytes(), compresslevel=6))
    status, headers, body = nginx.get(path)
    assert headers["Content-Encoding"] is None and body == file.read_bytes()


def test_every_text_file_has_a_smaller_gz_with_the_same_content(nginx):
    from macros.publish.compress import MIN_BYTES, TYPES

    missing, wrong, raw, packed, level9 = [], [], 0, 0, 0
    for file in sorted(p for p in nginx.site.rglob("*") if p.is_file() and p.name.endswith(TYPES)):
        gz = file.with_name(file.name + ".gz")
        data = file.read_bytes()
        if file.name == "figuur.svg" or len(data) < MIN_BYTES:
            continue
        if not gz.exists():
            missing.append(file.name)
            continue
        if gzip.decompress(gz.read_bytes()) != data or gz.stat().st_mtime_ns != file.stat().st_mtime_ns:
            wrong.append(file.name)
        raw, packed, level9 = raw + len(data), packed + gz.stat().st_size, level9 + len(gzip.compress(data, 9))
    assert missing == [] and wrong == []
    assert packed < 0.97 * level9 < raw  # Zopfli: a few percent smaller than the best of gzip itself
    assert not list(nginx.site.rglob("*.map.gz")) and not list(nginx.site.rglob("*.pdf.gz"))


def test_only_fingerprinted_files_are_cached_for_a_year(nginx):
    fingerprinted = _fingerprinted(nginx.site)
    names = " ".join(fingerprinted)
    for wanted in ("assets/javascripts/bundle.", "assets/stylesheets/main.", "assets/javascripts/workers/search."):
        assert wanted in names
    wrong = []
    for file in sorted(p for p in nginx.site.rglob("*") if p.is_file() and p.name != "_headers"):
        path = "/" + file.relative_to(nginx.site).as_posix()
        status, headers, _ = nginx.get(path, method="HEAD")
        expected = IMMUTABLE if path in fingerprinted else "no-cache"
        if status != 200 or headers["Cache-Control"] != expected:
            wrong.append(f"{path}: {status} {headers['Cache-Control']}")
    assert wrong == []


def test_headers_file_for_static_hosts_matches_nginx(nginx):
    text = (nginx.site / "_headers").read_text()
    block = text.split("\n\n")[0]
    for name, value in SAME_EVERYWHERE.items():
        assert f"\n  {name}: {value}\n" in block
    assert "\n  Strict-Transport-Security: max-age=31536000" in block
    listed = re.findall(rf"^(/\S+)\n  Cache-Control: {re.escape(IMMUTABLE)}$", text, re.M)
    assert listed == _fingerprinted(nginx.site)


def test_csp_has_no_unsafe_sources_and_hashes_exactly_the_inline_scripts(nginx):
    directives = dict(d.strip().split(" ", 1) for d in nginx.csp.split(";"))
    assert "unsafe" not in nginx.csp  # 'unsafe-inline', 'unsafe-eval', 'unsafe-hashes'
    assert directives["default-src"] == "'self'"
    for name, value in {"object-src": "'none'", "frame-ancestors": "'none'", "base-uri": "'self'",
                        "form-action": "'self'", "worker-src": "'self'", "img-src": "'self' data:"}.items():
        assert directives[name] == value
    inline = set()
    for page in nginx.site.rglob("*.html"):
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page.read_text(), re.S):
            if "src=" not in attrs and "json" not in attrs:
                inline.add("'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode()).digest()).decode())
    assert len(inline) >= 4  # Material's bootstrap script differs by page depth: ".", "..", "../..", "/"
    assert directives["script-src"].split() == ["'self'", *sorted(inline)]


def test_only_the_editor_may_run_code_from_strings(nginx):
    """/admin/ (Decap CMS) gets its own policy with 'unsafe-eval'; the site's pages keep the strict one."""
    status, headers, body = nginx.get("/admin/")
    assert status == 200 and b'src="toolkit.js"' in body
    admin = headers.get_all("Content-Security-Policy")
    assert len(admin) == 1 and "script-src 'self' 'unsafe-eval'" in admin[0] and "frame-ancestors 'none'" in admin[0]
    for path in ("/", "/tips/"):
        status, headers, _ = nginx.get(path)
        assert "unsafe" not in " ".join(headers.get_all("Content-Security-Policy") or [nginx.csp]), path
    public = [p for p in nginx.site.rglob("*.html") if "admin" not in p.relative_to(nginx.site).parts]
    assert [p for p in public if "decap" in p.read_text(encoding="utf-8")] == []  # no page loads the CMS
    rules = (nginx.site / "_headers").read_text(encoding="utf-8")
    assert f"/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: {admin[0]}\n" in rules


def test_security_txt_passes_the_internet_nl_parser(nginx):
    import sectxt

    status, headers, body = nginx.get("/.well-known/security.txt", https=True)
    assert status == 200
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    parser = sectxt.Parser(body)
    assert parser.errors == []
    assert f"Contact: {SECURITY_CONTACT}" in body.decode()
    expires = datetime.fromisoformat(re.search(r"^Expires: (.+)$", body.decode(), re.M).group(1).replace("Z", "+00:00"))
    assert 0 < (expires - datetime.now(timezone.utc)).days <= 365


@pytest.fixture(scope="module")
def csp_context(browser, nginx):
    """A browser context that records CSP violations, console errors and failed requests per page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("""
        window.__csp = [];
        document.addEventListener("securitypolicyviolation",
            e => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}: ${e.sample}`));
    """)
    yield context
    context.close()


def _open(context, url: str):
    """Open a page and wait until Material's search worker has fetched the search index: by then the inline
    scripts, the bundle and the worker ran (or were blocked)."""
    page = context.new_page()
    problems: list[str] = []

    def console(message):
        own_404 = message.location.get("url") == url and "404" in message.text  # the 404 page itself
        if (message.type == "error" or "Content Security Policy" in message.text) and not own_404:
            problems.append(f"console {message.type}: {message.text}")

    page.on("console", console)
    page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    with page.expect_response(lambda r: r.url.endswith("/search/search_index.json")) as index:
        response = page.goto(url, wait_until="load")
    assert index.value.ok
    return page, response, problems


@pytest.mark.parametrize("path", PAGES + ["bestaat-niet/"])
def test_page_loads_in_chromium_without_csp_violation(csp_context, nginx, path):
    page, response, problems = _open(csp_context, f"http://127.0.0.1:{nginx.http}/{path}")
    try:
        assert response.status == (404 if path == "bestaat-niet/" else 200)
        assert response.headers["content-security-policy"] == nginx.csp
        assert page.evaluate("window.__csp") == []
        assert problems == []
    finally:
        page.close()


@pytest.mark.parametrize("path, ready", [("checklists/alle/", ".toolkit-checklist__tools"),
                                         ("borgingsscan/", ".toolkit-scan__result .md-button")])
def test_scripts_loaded_on_demand_pass_the_csp(csp_context, nginx, path, ready):
    """toolkit.js adds checklist.js or scan.js to the pages that need them: allowed by script-src 'self'."""
    page, _, problems = _open(csp_context, f"http://127.0.0.1:{nginx.http}/{path}")
    try:
        page.wait_for_selector(ready)
        assert page.evaluate("window.__csp") == []
        assert problems == []
    finally:
        page.close()


def test_violation_detection_works(csp_context, nginx):
    """The check above notices a blocked script: serve the home page with a CSP that lacks the hashes."""
    page = csp_context.new_page()
    url = f"http://127.0.0.1:{nginx.http}/"

    def without_hashes(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": "script-src 'self'"})

    page.route(url, without_hashes)
    with page.expect_event("console", lambda m: "Content Security Policy" in m.text):
        page.goto(url, wait_until="load")
    assert any("script-src" in v for v in page.evaluate("window.__csp"))
    page.close()


def test_search_works_through_nginx(csp_context, nginx):
    page, _, problems = _open(csp_context, f"http://127.0.0.1:{nginx.http}/")
    page.click("input[data-md-component='search-query']")
    page.keyboard.type("projectleider", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.getAttribute('href'))")
    assert any("tips/" in href for href in hrefs), hrefs
    assert page.evaluate("window.__csp") == []
    assert problems == []
    page.close()


def test_compress_skips_small_files_and_removes_an_old_gz(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    page = "<!doctype html><title>x</title>" + "<p>Samen werken aan werk.</p>" * 40
    (site / "index.html").write_text(page)
    (site / "klein.css").write_text("p{color:red}")
    (site / "klein.css.gz").write_bytes(gzip.compress(b"p{color:blue}"))  # from an earlier build
    (site / "assets" / "x.js.map").write_text("{}" * 400)
    result = subprocess.run([sys.executable, "-m", "macros", "compress", str(site)], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 bestand gecomprimeerd" in result.stdout
    assert gzip.decompress((site / "index.html.gz").read_bytes()).decode() == page
    assert sorted(p.name for p in site.rglob("*.gz")) == ["index.html.gz"]
    empty = subprocess.run([sys.executable, "-m", "macros", "compress", str(tmp_path / "leeg")], cwd=ROOT,
                           capture_output=True, text=True)
    assert empty.returncode == 1 and "bouw eerst" in empty.stderr


def test_compress_minifies_the_sites_own_stylesheets_only(tmp_path):
    """A visitor downloads the toolkit's stylesheet without its comments; Material's minified files
    and the sources in overrides/ stay as they are."""
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>x</title>")
    source = (ROOT / "overrides" / "assets" / "toolkit.css").read_text(encoding="utf-8")
    (site / "assets" / "toolkit.css").write_text(source, encoding="utf-8")
    material = "/* Material */ .md-typeset { color : red }"
    (site / "assets" / "stylesheets" / "main.min.css").write_text(material)
    result = subprocess.run([sys.executable, "-m", "macros", "compress", str(site)], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("1 stylesheet verkleind: "), result.stdout
    small = (site / "assets" / "toolkit.css").read_text(encoding="utf-8")
    assert "/*" not in small and len(gzip.compress(small.encode())) < 0.8 * len(gzip.compress(source.encode()))
    assert _selectors(small) == _selectors(source)  # the same rules, in the same order
    assert gzip.decompress((site / "assets" / "toolkit.css.gz").read_bytes()).decode() == small
    assert (site / "assets" / "stylesheets" / "main.min.css").read_text() == material
    assert "/*" in (ROOT / "overrides" / "assets" / "toolkit.css").read_text(encoding="utf-8")


def _selectors(css: str) -> list[str]:
    """Every selector and at-rule head, without comments and spaces."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [re.sub(r"\s+", "", head) for head in re.findall(r"([^{};]+)\{", css)]


def _headers_cli(site: Path, tmp: Path, security: str, site_url: str | None = "https://toolkit.example.nl/"
                 ) -> subprocess.CompletedProcess:
    setting = "" if site_url is None else f"site_url: {site_url}\n"
    (tmp / "mkdocs.yml").write_text(f"{setting}extra:\n  toolkit:\n    security:\n{security}")
    return subprocess.run([sys.executable, "-m", "macros", "headers", str(site), "--config", str(tmp / "mkdocs.yml"),
                           "--nginx", str(tmp / "csp.conf")], cwd=ROOT, capture_output=True, text=True)


def test_headers_hash_inline_scripts_and_styles_of_any_page(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<html><head><style>p{color:red}</style><script>var x=1;</script></head></html>")
    (site / "a" / "index.html").write_text('<script type="application/json">{}</script><script src="x.js"></script>')
    result = _headers_cli(site, tmp_path, "      contact: mailto:security@example.nl\n      expires: 2999-01-31\n")
    assert result.returncode == 0, result.stdout
    conf = (tmp_path / "csp.conf").read_text()
    assert "script-src 'self' 'sha256-%s';" % base64.b64encode(hashlib.sha256(b"var x=1;").digest()).decode() in conf
    assert "style-src 'self' 'sha256-%s';" % base64.b64encode(hashlib.sha256(b"p{color:red}").digest()).decode() in conf
    txt = (site / ".well-known" / "security.txt").read_text()
    assert "Contact: mailto:security@example.nl\nExpires: 2999-01-31T00:00:00Z\n" in txt
    assert "Canonical: https://toolkit.example.nl/.well-known/security.txt" in txt
    assert "meer dan een jaar vooruit" in result.stdout  # a warning, not an error


@pytest.mark.parametrize("html, security, message", [
    ('<p style="color:red">x</p>', "      contact: tel:+31201234567\n", "style=...> wordt door de CSP geblokkeerd"),
    ('<button onclick="go()">x</button>', "      contact: tel:+31201234567\n", "onclick=...> wordt door de CSP"),
    ("<p>x</p>", "      contact: tel:+31201234567\n      expires: 2020-01-01\n", "ligt in het verleden"),
    ("<p>x</p>", "      contact: security@example.nl\n", "moet beginnen met mailto:"),
    (None, "      contact: tel:+31201234567\n", "bouw eerst de site"),
])
def test_headers_refuse_what_would_break_or_mislead(tmp_path, html, security, message):
    site = tmp_path / "site"
    site.mkdir()
    if html:
        (site / "index.html").write_text(html)
    result = _headers_cli(site, tmp_path, security)
    assert result.returncode == 1
    assert message in result.stdout
    assert not (tmp_path / "csp.conf").exists() and not (site / "_headers").exists()


LOCAL_FIX = ("Zet in mkdocs.yml (een regio: in mkdocs.regio.yml) bij site_url het echte adres van jullie site, zoals "
             "https://toolkit.jouwregio.nl/, en bouw de site opnieuw (bash scripts/build).")


def _one_page(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>")
    return site


@pytest.mark.parametrize("site_url", ["http://127.0.0.1:8000/", "http://127.1.2.3/", "http://localhost:8000/",
                                      "http://toolkit.localhost/", "http://[::1]:8000/", "http://0.0.0.0:8000/"])
def test_headers_stop_a_publication_build_with_a_local_site_url(tmp_path, site_url):
    """scripts/build ends with `toolkit headers`: with the local default of mkdocs.yml the built site has that
    address in its sitemap and canonical links, so the build stops there and nothing is written."""
    site = _one_page(tmp_path)
    result = _headers_cli(site, tmp_path, "      contact: tel:+31201234567\n", site_url)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"site_url is {site_url}: een adres dat alleen op deze computer werkt. De sitemap en de canonical-links van "
        f"de gebouwde site wijzen daarheen, dus die site is niet klaar om te publiceren. {LOCAL_FIX}")
    assert result.stderr == "Niets geschreven: 1 probleem.\n"
    assert not (tmp_path / "csp.conf").exists() and not (site / "_headers").exists()
    assert not (site / ".well-known").exists()


@pytest.mark.parametrize("site_url, message", [
    (None, f"site_url ontbreekt; de sitemap en de canonical-links hebben dan geen adres. {LOCAL_FIX}"),
    ("toolkit.example.nl", f"site_url 'toolkit.example.nl' is geen volledig adres (met https:// ervoor). {LOCAL_FIX}"),
])
def test_headers_stop_without_a_real_site_url(tmp_path, site_url, message):
    site = _one_page(tmp_path)
    result = _headers_cli(site, tmp_path, "      contact: tel:+31201234567\n", site_url)
    assert (result.returncode, result.stdout.splitlines()[0]) == (1, message)
    assert not (tmp_path / "csp.conf").exists() and not (site / "_headers").exists()


def test_headers_accept_a_real_address_also_on_its_own_port(tmp_path):
    site = _one_page(tmp_path)
    result = _headers_cli(site, tmp_path, "      contact: tel:+31201234567\n", "http://toolkit.intern.example:8080/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "_headers").is_file() and (site / ".well-known" / "security.txt").is_file()
