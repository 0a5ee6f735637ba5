"""The ``toolkit`` command: check content, make the headers and .gz files for hosting the site, create new items."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .engine import CONTENT_DIR, check

ROOT = CONTENT_DIR.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="toolkit", description="Werk met de inhoud van de toolkit.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="controleer alle inhoud")
    check_cmd.add_argument("--content", type=Path, default=CONTENT_DIR, help="map met de inhoud (standaard: content/)")
    check_cmd.add_argument("--overlay", type=Path, default=ROOT / "regio",
                           help="map met de eigen inhoud van een regio (standaard: regio/, als die bestaat)")
    check_cmd.add_argument("--report", action="store_true", help="toon ook links zonder adres, om aan te vullen")
    headers_cmd = commands.add_parser("headers", help="maak beveiligingsheaders en security.txt voor de gebouwde site")
    headers_cmd.add_argument("site_dir", type=Path, help="de gebouwde site, bijvoorbeeld site")
    headers_cmd.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="standaard: mkdocs.yml")
    headers_cmd.add_argument("--nginx", type=Path, default=ROOT / "deploy" / "generated" / "csp.conf",
                             help="nginx-bestand om te schrijven (standaard: deploy/generated/csp.conf)")
    compress_cmd = commands.add_parser("compress", help="verklein de eigen stylesheets van de gebouwde site en zet naast "
                                       "elk tekstbestand een kleinere .gz-versie, voor een webserver die die meestuurt "
                                       "(nginx: gzip_static)")
    compress_cmd.add_argument("site_dir", type=Path, help="de gebouwde site, bijvoorbeeld site")
    new_cmd = commands.add_parser("new", help="maak een nieuw bestand voor een tip, les, scenario, routekaart-element, bouwsteen of checklist")
    new_cmd.add_argument("kind", metavar="soort", help="tip, les, scenario, routekaart, bouwsteen of checklist")
    new_cmd.add_argument("title", metavar="titel", help="de titel, tussen aanhalingstekens")
    new_cmd.add_argument("--content", type=Path, default=CONTENT_DIR, help="map met de inhoud (standaard: content/)")
    pdf_cmd = commands.add_parser("pdf", help="maak een PDF van elke checklist en van alle checklists samen")
    pdf_cmd.add_argument("site_dir", type=Path, help="de gebouwde site, bijvoorbeeld site")
    pages_cmd = commands.add_parser("pages", help="schrijf wat een build in docs/ zet (pagina's per scenario, "
                                    "hoofdstuk, thema enz. en de kleuren) zonder te bouwen; nodig vóór 'zensical build'")
    pages_cmd.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="standaard: mkdocs.yml")
    args = parser.parse_args(argv)
    if args.command == "pages":
        return run_pages(args.config)
    if args.command == "new":
        return run_new(args.kind, args.title, args.content)
    if args.command == "pdf":
        return run_pdf(args.site_dir)
    if args.command == "headers":
        return run_headers(args.site_dir, args.config, args.nginx)
    if args.command == "compress":
        return run_compress(args.site_dir)
    return run_check(args.content, args.report, args.overlay if args.overlay.is_dir() else None)


def run_headers(site_dir: Path, config: Path, nginx: Path) -> int:
    from mkdocs.utils.yaml import yaml_load

    from .config import Options
    from .headers import write

    with open(config, "rb") as f:
        conf = yaml_load(f)
    options = Options.from_mkdocs({"extra": conf.get("extra"), "config_file_path": str(config)})
    messages, problems = write(site_dir, nginx, options.security, conf.get("site_url"))
    for line in messages + problems:
        print(line)
    if problems:
        print(f"Niets geschreven: {len(problems)} {'probleem' if len(problems) == 1 else 'problemen'}.")
        return 1
    return 0


def run_compress(site_dir: Path) -> int:
    from .compress import minify_css, write

    if not (site_dir / "index.html").is_file():
        print(f"Geen gebouwde site in {site_dir}; bouw eerst met 'mkdocs build'.")
        return 1
    sheets, before, after = minify_css(site_dir)
    if sheets:
        print(f"{sheets} {'stylesheet' if sheets == 1 else 'stylesheets'} verkleind: {before / 1024:.1f} kB wordt "
              f"{after / 1024:.1f} kB.")
    count, raw, packed = write(site_dir)
    print(f"{count} {'bestand' if count == 1 else 'bestanden'} gecomprimeerd naar .gz: "
          f"{raw / 1024:.0f} kB wordt {packed / 1024:.0f} kB.")
    return 0


def run_new(kind: str, title: str, content_dir: Path) -> int:
    from .new import NewError, create

    try:
        path = create(kind, title, content_dir)
    except NewError as err:
        print(f"Niets geschreven: {err}.")
        return 1
    shown = os.path.relpath(path)
    print(f"Nieuw bestand: {path.as_posix() if shown.startswith('..') else shown}. "
          "Vul de teksten en thema's in en draai 'toolkit check'.")
    return 0


def run_pdf(site_dir: Path) -> int:
    from .pdf import PdfError, find_browser, write

    if not (site_dir / "checklists").is_dir():
        print(f"Geen gebouwde site met checklists in {site_dir}; bouw eerst met 'mkdocs build'.")
        return 1
    browser = find_browser()
    if browser is None:
        print("Chromium niet gevonden; installeer het (Debian: apt-get install chromium) of zet TOOLKIT_CHROMIUM.")
        return 1
    try:
        written = write(site_dir, browser)
    except PdfError as err:
        print(f"Geen PDF's geschreven: {err}.")
        return 1
    print(f"{len(written)} PDF's geschreven naar {site_dir / 'checklists' / 'pdf'}.")
    return 0


def run_pages(config: Path) -> int:
    """Run define_env as a MkDocs build would, without building: it checks the content and writes the
    generated files into docs/, which Zensical must find there before it starts (macros/zensical_compat.py)."""
    import logging
    from types import SimpleNamespace

    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from . import define_env

    logging.basicConfig(format="%(message)s")  # the content problems, one a line
    env = SimpleNamespace(conf=load_config(str(config)), variables={}, page=None, macro=lambda fn, name=None: fn)
    try:
        define_env(env)
    except PluginError as err:
        logging.getLogger("mkdocs.toolkit").error(str(err))
        return 1
    print(f"De pagina's uit de inhoud staan klaar in {env.conf['docs_dir']}.")
    return 0


def run_check(content_dir: Path, report: bool, overlay: Path | None = None) -> int:
    index, problems = check(content_dir, overlay=overlay)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem)
        if github:
            print(problem.github())
    if report:
        for note in index.unknown_links:
            print(note)
        print(f"{len(index.unknown_links)} links zonder adres.")
    if problems:
        word = "probleem" if len(problems) == 1 else "problemen"
        print(f"{len(problems)} {word} gevonden.")
        return 1
    count = sum(len(items) for items in index.items.values())
    print(f"Inhoud in orde: {count} onderdelen, {len(index.themes)} thema's, {len(index.regions)} regio's, "
          f"{len(index.glossary)} begrippen.")
    return 0
