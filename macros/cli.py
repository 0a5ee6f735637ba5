"""The ``toolkit`` command: check content (and, later, create new items)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .engine import CONTENT_DIR, check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="toolkit", description="Werk met de inhoud van de toolkit.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="controleer alle inhoud")
    check_cmd.add_argument("--content", type=Path, default=CONTENT_DIR, help="map met de inhoud (standaard: content/)")
    check_cmd.add_argument("--report", action="store_true", help="toon ook links zonder adres, om aan te vullen")
    args = parser.parse_args(argv)
    return run_check(args.content, args.report)


def run_check(content_dir: Path, report: bool) -> int:
    index, problems = check(content_dir)
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
