"""Options of the toolkit, read from ``extra.toolkit`` in mkdocs.yml (one per line, each documented)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urljoin


@dataclass(frozen=True)
class Security:
    """The site's security.txt (RFC 9116), written by `toolkit headers`; read from ``extra.toolkit.security``."""

    contact: tuple[str, ...] = ()
    """Where to report a vulnerability: one or a list of mailto:, https: or tel: addresses. Without it, no security.txt."""

    expires: date | int = 180
    """When the file goes stale: a date (YYYY-MM-DD), or a number of days after `toolkit headers` runs. Default: 180."""

    preferred_languages: str = "nl, en"
    """Languages in which reports are read, comma-separated (RFC 5646 tags). Default: nl, en."""

    @classmethod
    def from_dict(cls, data) -> "Security":
        data = dict(data or {})
        contact = data.get("contact") or ()
        return cls(contact=(contact,) if isinstance(contact, str) else tuple(contact),
                   expires=data.get("expires", 180), preferred_languages=data.get("preferred_languages", "nl, en"))


@dataclass(frozen=True)
class Options:
    content: Path
    """Folder with the national content (YAML); relative to mkdocs.yml. Default: content."""

    overlay: Path | None = None
    """A region's own content folder, same layout as content/; relative to mkdocs.yml. Default: regio (when it exists)."""

    region: str = ""
    """Name of the region whose copy this is, e.g. "Regio Twente"; shown on the home page and the colophon."""

    contact: dict = field(default_factory=dict)
    """The region's own contact block on the home page and the colophon: text, name, phone, email (all optional)."""

    national_contact: dict = field(default_factory=dict)
    """The national contact line of the toolkit (same fields as contact)."""

    show_national_contact: bool = True
    """Whether the national contact shows beside the region's own. Default: true."""

    colors: dict = field(default_factory=dict)
    """Site colours: primary, accent, link, as "#rrggbb"; checked for contrast (macros/theme.py)."""

    edit_base: str = ""
    """Where editors change files: repo_url + edit_uri without the docs folder, e.g.
    https://github.com/org/toolkit/edit/main/ . Empty when mkdocs.yml sets no repo_url."""

    security: Security = field(default_factory=Security)
    """security.txt for hosting the site: contact, expires, preferred_languages (see Security)."""

    @classmethod
    def from_mkdocs(cls, conf) -> "Options":
        extra = dict(conf.get("extra") or {}).get("toolkit") or {}
        root = Path(conf["config_file_path"]).resolve().parent
        overlay = root / extra.get("overlay", "regio")
        edit_base = ""
        if conf.get("repo_url") and conf.get("edit_uri"):
            edit_base = urljoin(conf["repo_url"].rstrip("/") + "/", conf["edit_uri"])
            docs = Path(conf.get("docs_dir") or "docs").name + "/"
            edit_base = edit_base[: -len(docs)] if edit_base.endswith(docs) else edit_base
        return cls(content=root / extra.get("content", "content"), overlay=overlay if overlay.is_dir() else None,
                   region=str(extra.get("region") or ""), contact=dict(extra.get("contact") or {}),
                   national_contact=dict(extra.get("national_contact") or {}),
                   show_national_contact=bool(extra.get("show_national_contact", True)),
                   colors=dict(extra.get("colors") or {}), edit_base=edit_base,
                   security=Security.from_dict(extra.get("security")))
