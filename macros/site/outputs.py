"""The files a build writes besides its pages, after MkDocs has written the site (mkdocs-macros' on_post_build).

Each writer takes MkDocs' config, the toolkit options (macros/site/config.py) and the content index, and writes
into ``config["site_dir"]``. A writer adds one line to WRITERS; the order is the order they run in.
"""

from __future__ import annotations

from typing import Callable

from . import cms, feed, opendata

WRITERS: list[Callable] = [feed.write, opendata.write, cms.write]
"""Writers, each ``writer(config, options, index) -> None``."""


def write(config, options, index) -> None:
    """Run every writer for the site MkDocs has just written to ``config["site_dir"]``."""
    for writer in WRITERS:
        writer(config, options, index)
