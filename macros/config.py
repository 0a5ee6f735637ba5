"""Options of the toolkit, read from ``extra.toolkit`` in mkdocs.yml (one per line, each documented)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Options:
    content: Path
    """Folder with the national content (YAML); relative to mkdocs.yml. Default: content."""

    contact: dict = field(default_factory=dict)
    """Contact block shown on the home page and the colophon: text, name, phone, email (all optional)."""

    @classmethod
    def from_mkdocs(cls, conf) -> "Options":
        extra = dict(conf.get("extra") or {}).get("toolkit") or {}
        root = Path(conf["config_file_path"]).resolve().parent
        return cls(content=root / extra.get("content", "content"), contact=dict(extra.get("contact") or {}))
