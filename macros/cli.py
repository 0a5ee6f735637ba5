"""The ``toolkit`` command: check content, make the headers and .gz files for hosting the site, create new items.

One error type, one exit path: a command that cannot go on raises ``ToolkitError`` with a Dutch message;
``main`` prints that message on stderr and returns its status (1, or 2 for wrong usage). ``main`` also turns
what the operating system or the user can cause (a missing or unreadable file, a closed pipe as in
``toolkit check --report | head``, Ctrl+C) and the content engine's ``ContentError`` into such a message, so
the command never ends in a traceback.

Every default path is relative to the folder the command runs in (``content/``, ``regio/``, the site's settings
(see ``site_config``), ``deploy/generated/``), never to the folder the package was installed from: ``toolkit
headers site`` in a region's checkout reads that checkout's settings.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from pathlib import Path

from .engine.problems import ContentError

CONTENT = Path("content")
OVERLAY = Path("regio")
CONFIG = Path("mkdocs.yml")
REGION_CONFIG = Path("mkdocs.regio.yml")
NGINX = Path("deploy") / "generated" / "csp.conf"


def site_config(folder: Path = Path()) -> Path:
    """The settings a site is built with: a region's own ``mkdocs.regio.yml`` (which INHERITs mkdocs.yml, so
    that national updates to mkdocs.yml never conflict with the region's settings) when ``folder`` has one,
    else ``mkdocs.yml``. The one place of this rule: `toolkit`, scripts/serve, scripts/build, scripts/offline
    and the tests all ask it."""
    return folder / REGION_CONFIG if (folder / REGION_CONFIG).is_file() else folder / CONFIG


class ToolkitError(Exception):
    """Why a command cannot go on, as one Dutch message for the user; ``main`` prints it on stderr and
    exits with ``status``: 1, or 2 when the command was used wrongly (an unknown option or kind)."""

    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status. The only place that turns a failure into a status."""
    try:
        args = _parser().parse_args(argv)
        args.run(args)
        sys.stdout.flush()  # a pipe closed early (`| head`) shows here, where it is caught, not at exit
        return 0
    except _Help:
        return 0
    except BrokenPipeError:
        _drop_stdout()  # the reader has all it wanted: say nothing, and let Python not try again at exit
        return 1
    except ToolkitError as err:
        return _fail(str(err), err.status)
    except ContentError as err:
        count = len(err.problems)
        return _fail("\n".join(map(str, err.problems))
                     + f"\nDe inhoud heeft {count} {'probleem' if count == 1 else 'problemen'}.")
    except OSError as err:
        return _fail(_os_message(err))
    except KeyboardInterrupt:
        return _fail("Afgebroken.")
    except Exception as err:  # a fault in the toolkit itself: still no traceback, unless asked for
        if os.environ.get("TOOLKIT_DEBUG"):
            raise
        return _fail(f"Onverwachte fout in toolkit ({type(err).__name__}: {err}). Draai het commando opnieuw met "
                     "TOOLKIT_DEBUG=1 ervoor voor de details, en meld de fout bij de beheerders van de toolkit.")


def _fail(message: str, status: int = 1) -> int:
    try:
        sys.stdout.flush()  # what the command printed comes before why it stopped
    except BrokenPipeError:
        _drop_stdout()
    except (OSError, ValueError):
        pass
    try:
        print(message, file=sys.stderr)
    except (OSError, ValueError):
        pass
    return status


def _drop_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor: stdout is captured in the same process (tests)
        pass


_OS_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "is een map, geen bestand",
    errno.EEXIST: "bestaat al",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen te lezen",
}


def os_reason(err: OSError) -> str:
    """Why the operating system refused, in Dutch: 'bestaat niet', 'geen toestemming', …"""
    return _OS_REASONS.get(err.errno, f"fout {err.errno} ({err.strerror})")


def _os_message(err: OSError) -> str:
    if err.errno is None:  # raised with a message of its own, e.g. by the content engine
        return f"Fout: {err}."
    if err.filename is None:
        return f"Fout bij lezen of schrijven: {os_reason(err)}."
    return f"Kan {err.filename} niet lezen of schrijven: {os_reason(err)}."


# --- the commands ------------------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="toolkit", description="Werk met de inhoud van de toolkit.")
    commands = parser.add_subparsers(title="commando's", dest="command", metavar="commando", required=True,
                                     parser_class=_CommandParser)

    check_cmd = commands.add_parser("check", help="controleer alle inhoud")
    check_cmd.add_argument("--content", type=Path, default=CONTENT, metavar="MAP",
                           help="map met de inhoud (standaard: content/)")
    check_cmd.add_argument("--overlay", type=Path, default=None, metavar="MAP",
                           help="map met de eigen inhoud van een regio (standaard: regio/, als die bestaat)")
    check_cmd.add_argument("--report", action="store_true",
                           help="toon ook wat je nog kunt aanvullen: links zonder adres, ongebruikte thema's en "
                                "regio's, actiepunten zonder checklist, verwijzingen die wegvallen, schemaregels")
    check_cmd.add_argument("--config", type=Path, default=site_config(), metavar="BESTAND",
                           help="de instellingen waarvan extra.toolkit wordt gecontroleerd (standaard: "
                                "mkdocs.regio.yml als dat er is, anders mkdocs.yml, als dat er is)")
    check_cmd.set_defaults(run=lambda a: run_check(a.content, a.report, a.overlay, a.config))

    headers_cmd = commands.add_parser("headers", help="maak beveiligingsheaders en security.txt voor de gebouwde site")
    headers_cmd.add_argument("site_dir", type=Path, metavar="site", help="de gebouwde site, bijvoorbeeld site")
    headers_cmd.add_argument("--config", type=Path, default=site_config(), metavar="BESTAND",
                             help="standaard: mkdocs.regio.yml als dat er is, anders mkdocs.yml")
    headers_cmd.add_argument("--nginx", type=Path, default=NGINX, metavar="BESTAND",
                             help="nginx-bestand om te schrijven (standaard: deploy/generated/csp.conf)")
    headers_cmd.set_defaults(run=lambda a: run_headers(a.site_dir, a.config, a.nginx))

    compress_cmd = commands.add_parser("compress", help="verklein de eigen stylesheets van de gebouwde site en zet "
                                       "naast elk tekstbestand een kleinere .gz-versie, voor een webserver die die "
                                       "meestuurt (nginx: gzip_static)")
    compress_cmd.add_argument("site_dir", type=Path, metavar="site", help="de gebouwde site, bijvoorbeeld site")
    compress_cmd.set_defaults(run=lambda a: run_compress(a.site_dir))

    new_cmd = commands.add_parser("new", help="maak een nieuw bestand voor een tip, les, scenario, "
                                  "routekaart-element, bouwsteen of checklist")
    new_cmd.add_argument("kind", metavar="soort", help="tip, les, scenario, routekaart, bouwsteen of checklist")
    new_cmd.add_argument("title", metavar="titel", help="de titel, tussen aanhalingstekens")
    new_cmd.add_argument("--content", type=Path, default=CONTENT, metavar="MAP",
                         help="map met de inhoud (standaard: content/; een regio: regio)")
    new_cmd.set_defaults(run=lambda a: run_new(a.kind, a.title, a.content))

    pdf_cmd = commands.add_parser("pdf", help="maak een PDF van elke checklist, van alle checklists samen "
                                                "en van de routekaart als boekje")
    pdf_cmd.add_argument("site_dir", type=Path, metavar="site", help="de gebouwde site, bijvoorbeeld site")
    pdf_cmd.set_defaults(run=lambda a: run_pdf(a.site_dir))

    cms_cmd = commands.add_parser("cms", help="maak de instellingen van de editor (admin/config.yml) uit de inhoud")
    _site_arguments(cms_cmd, "de map van de site; het bestand komt in site/admin/ (standaard: site)")
    cms_cmd.set_defaults(run=lambda a: run_cms(a.site_dir, a.config))

    outputs_cmd = commands.add_parser("outputs", help="schrijf feed, open data en editor in een site die Zensical "
                                      "bouwde (MkDocs doet dat zelf)")
    _site_arguments(outputs_cmd, "de gebouwde site (standaard: site)")
    outputs_cmd.set_defaults(run=lambda a: run_outputs(a.site_dir, a.config))

    pages_cmd = commands.add_parser("pages", help="schrijf wat een build in docs/ zet (pagina's per scenario, "
                                    "hoofdstuk, thema enz. en de kleuren) zonder te bouwen; "
                                    "nodig vóór 'zensical build'")
    pages_cmd.add_argument("--config", type=Path, default=site_config(), metavar="BESTAND",
                           help="standaard: mkdocs.regio.yml als dat er is, anders mkdocs.yml")
    pages_cmd.set_defaults(run=lambda a: run_pages(a.config))
    return parser


def _site_arguments(command, site_help: str) -> None:
    """A site folder (default: site) and the settings it is built with."""
    command.add_argument("site_dir", type=Path, nargs="?", default=Path("site"), metavar="site", help=site_help)
    command.add_argument("--config", type=Path, default=site_config(), metavar="BESTAND",
                         help="de instellingen van de site (standaard: mkdocs.regio.yml als die er is, anders mkdocs.yml)")


def run_check(content_dir: Path, report: bool, overlay: Path | None = None, config: Path | None = None) -> None:
    from .engine import upstream
    from .site.config import option_problems
    from .engine import check

    if not content_dir.is_dir():
        raise ToolkitError(f"Map met inhoud niet gevonden: {content_dir}. Draai 'toolkit check' in de map van de "
                           "toolkit, of geef de map met --content.")
    if overlay is None:
        overlay = OVERLAY if OVERLAY.is_dir() else None
    elif not overlay.is_dir():
        raise ToolkitError(f"Map met eigen inhoud van de regio niet gevonden: {overlay}.")
    index, problems = check(content_dir, overlay=overlay)
    config = site_config() if config is None else config
    if config.is_file():  # the same check of extra.toolkit as the build makes
        problems = sorted(problems + option_problems(config))
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    # Errors first, then what changed nationally in files the region replaces or hides.
    for problem in problems + upstream.notices(index, content_dir, overlay):
        print(problem)
        if github:
            print(problem.github())
    if report:  # what an editor may want to finish; the site builds the same
        for note in index.unknown_links + index.notes:
            print(note)
        count = len(index.unknown_links)
        print(f"{count} {'link' if count == 1 else 'links'} zonder adres.")
    if problems:
        raise ToolkitError(f"{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} gevonden.")
    count = sum(len(items) for items in index.items.values())
    print(f"Inhoud in orde: {count} onderdelen, {len(index.themes)} thema's, {len(index.regions)} regio's, "
          f"{len(index.glossary)} begrippen.")


def run_headers(site_dir: Path, config: Path, nginx: Path) -> None:
    from .site.config import Options
    from .publish.headers import write

    conf = _read_config(config, "headers")
    extra = _mapping(conf, "extra", config)
    toolkit = _mapping(extra, "toolkit", config, "extra.")
    security = _mapping(toolkit, "security", config, "extra.toolkit.")
    contact = security.get("contact")
    if not (contact is None or isinstance(contact, str)
            or isinstance(contact, list) and all(isinstance(c, str) for c in contact)):
        raise ToolkitError(f"{config}: extra.toolkit.security.contact moet een adres of een lijst met adressen zijn.")
    site_url = conf.get("site_url")
    if site_url is not None and not isinstance(site_url, str):
        raise ToolkitError(f"{config}: site_url moet een adres zijn, zoals https://toolkit.example.nl/.")
    _mapping(toolkit, "editor", config, "extra.toolkit.")  # a block of settings, or a clear message
    options = Options.from_mkdocs({"extra": extra, "config_file_path": str(config)})
    messages, problems = write(site_dir, nginx, options.security, site_url, editor=options.editor)
    for line in messages + problems:
        print(line)
    if problems:
        raise ToolkitError(f"Niets geschreven: {len(problems)} {'probleem' if len(problems) == 1 else 'problemen'}.")


def run_compress(site_dir: Path) -> None:
    from .publish.compress import minify_css, write

    if not (site_dir / "index.html").is_file():
        raise ToolkitError(f"Geen gebouwde site in {site_dir}; bouw eerst met 'mkdocs build'.")
    sheets, before, after = minify_css(site_dir)
    if sheets:
        print(f"{sheets} {'stylesheet' if sheets == 1 else 'stylesheets'} verkleind: {before / 1024:.1f} kB wordt "
              f"{after / 1024:.1f} kB.")
    count, raw, packed = write(site_dir)
    print(f"{count} {'bestand' if count == 1 else 'bestanden'} gecomprimeerd naar .gz: "
          f"{raw / 1024:.0f} kB wordt {packed / 1024:.0f} kB.")


def run_new(kind: str, title: str, content_dir: Path) -> None:
    from .new import create

    path = create(kind, title, content_dir)
    shown = os.path.relpath(path)
    print(f"Nieuw bestand: {path.as_posix() if shown.startswith('..') else Path(shown).as_posix()}. "
          "Vul de teksten en thema's in en draai 'toolkit check'.")


def run_pdf(site_dir: Path) -> None:
    from .publish.pdf import find_browser, write

    if not (site_dir / "checklists").is_dir():
        raise ToolkitError(f"Geen gebouwde site met checklists in {site_dir}; bouw eerst met 'mkdocs build'.")
    browser = find_browser()
    if browser is None:
        raise ToolkitError("Chromium niet gevonden; installeer het (Debian: apt-get install chromium) "
                           "of zet TOOLKIT_CHROMIUM.")
    written = write(site_dir, browser)
    checklists = [path for path in written if path.parent == site_dir / "checklists" / "pdf"]
    print(f"{len(checklists)} PDF's geschreven naar {site_dir / 'checklists' / 'pdf'}."
          + "".join(f" De routekaart als boekje: {path}." for path in written if path not in checklists))


def run_cms(site_dir: Path, config: Path) -> None:
    """Write SITE/admin/config.yml, as the build does, without building: to read what the editor will offer."""
    from .engine import load_index
    from .site.cms import ADMIN, config_text
    from .site.config import Options, option_problems

    conf = _read_config(config, "cms")
    problems = option_problems(config)
    if problems:
        raise ToolkitError("\n".join(map(str, problems)) + "\nNiets geschreven: de instellingen kloppen niet.")
    # option_problems has checked extra.toolkit and its blocks, at their lines
    options = Options.from_mkdocs({"extra": _mapping(conf, "extra", config), "config_file_path": str(config)})
    index = load_index(options.content, options.overlay)
    target = site_dir / ADMIN / "config.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(config_text(index, options, config.resolve().parent, conf.get("site_url") or ""), encoding="utf-8")
    print(f"De instellingen van de editor staan in {target.as_posix()}.")


def run_pages(config: Path) -> None:
    """Do what a MkDocs build does before it reads the pages, and stop there: the generated files are then in
    docs/, where Zensical must find them before it starts (macros/site/zensical_compat.py)."""
    conf = _configured(config, "pages")
    print(f"De pagina's uit de inhoud staan klaar in {conf['docs_dir']}.")


def run_outputs(site_dir: Path, config: Path) -> None:
    """Write what a MkDocs build writes after the pages (macros/site/outputs.py: the feed, the open data, the
    editor) into a site another tool built: Zensical runs no post-build step."""
    if not (site_dir / "index.html").is_file():
        raise ToolkitError(f"Geen gebouwde site in {site_dir}; bouw eerst de site.")
    conf = _configured(config, "outputs")
    conf["site_dir"] = str(site_dir.resolve())
    conf.plugins["macros"].on_post_build(conf)
    print(f"Feed, open data en editor staan in {site_dir.as_posix()}.")


def _configured(config: Path, command: str):
    """MkDocs' config after the plugins' startup and config events, in which mkdocs-macros calls define_env: that
    checks the content and writes the generated pages into docs/. A ToolkitError says why it cannot."""
    import logging

    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    _read_config(config, command)  # a missing file or invalid YAML, said in Dutch
    logging.basicConfig(format="%(message)s")  # the content problems, one a line
    try:
        conf = load_config(str(config))
    except (Abort, ConfigurationError):  # MkDocs has logged what is wrong with the settings, in its words
        raise ToolkitError(f"{config}: de instellingen kloppen niet (zie hierboven); niets geschreven.") from None
    if "macros" not in conf.plugins:
        raise ToolkitError(f"{config}: de plugin 'macros' staat niet onder plugins, dus er zijn geen pagina's uit de "
                           "inhoud te maken.")
    try:
        conf.plugins.on_startup(command="build", dirty=False)
        conf.plugins.on_config(conf)
    except PluginError as err:
        raise ToolkitError(str(err)) from None
    return conf


def _read_config(config: Path, command: str) -> dict:
    """mkdocs.yml as MkDocs reads it (INHERIT, !ENV), or a ToolkitError that says why it cannot be read."""
    import yaml
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    if not config.is_file():
        raise ToolkitError(f"{config} niet gevonden. Draai 'toolkit {command}' in de map van de site, of geef het "
                           "bestand met --config.")
    try:
        with open(config, "rb") as f:
            conf = yaml_load(f)
    except ConfigurationError as err:
        cause = err.__context__
        if isinstance(cause, yaml.YAMLError):
            mark = getattr(cause, "problem_mark", None)
            where = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark else ""
            raise ToolkitError(f"{config} is geen geldige YAML{where}.") from None
        raise ToolkitError(f"{config}: het bestand achter INHERIT bestaat niet.") from None
    if not isinstance(conf, dict):
        raise ToolkitError(f"{config} bevat geen instellingen: verwacht een regel 'naam: waarde' per instelling.")
    return conf


def _mapping(parent: dict, key: str, config: Path, prefix: str = "") -> dict:
    value = parent.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ToolkitError(f"{config}: {prefix}{key} moet instellingen bevatten ('naam: waarde'), geen "
                           f"{'lijst' if isinstance(value, list) else 'losse waarde'}.")
    return value


# --- argparse, in Dutch --------------------------------------------------------------------------------------

class _Help(Exception):
    """--help was asked for and printed."""


_USAGE_ERRORS = [  # argparse's messages (Python 3.11 to 3.13), in Dutch
    (r"the following arguments are required: (.+)", "ontbreekt: {0}"),
    (r"unrecognized arguments: (.+)", "niet herkend: {0}"),
    (r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)", "onbekend {0} {1}; kies uit: {2}"),
    (r"argument (.+?): expected one argument", "{0} heeft een waarde nodig"),
    (r"argument (.+?): ignored explicit argument (.+)", "{0} heeft geen waarde ({1})"),
    (r"ambiguous option: (\S+) could match (.+)", "{0} kan meer dan één optie zijn: {1}"),
]


def _dutch(message: str) -> str:
    for pattern, dutch in _USAGE_ERRORS:
        match = re.fullmatch(pattern, message)
        if match:
            return dutch.format(*(part.replace("'", "") if i == 2 else part for i, part in enumerate(match.groups())))
    return f"verkeerd gebruik: {message}"


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with its own words in Dutch, whose errors are ToolkitErrors (status 2) instead of an exit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title, self._optionals.title = "argumenten", "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message):
        raise ToolkitError(f"{self.format_usage()}{self.prog}: {_dutch(message)}. Zie '{self.prog} --help'.", 2)

    def exit(self, status=0, message=None):  # only after --help, which has printed the help
        if message:
            print(message, file=sys.stderr, end="")
        raise _Help


class _CommandParser(_Parser):
    """One command's parser: it names what it does not know itself, with its own usage line."""

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: " + " ".join(extras))
        return namespace, extras
