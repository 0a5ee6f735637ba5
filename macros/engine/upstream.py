"""What changed nationally in the files a region replaces or hides, read from git (`toolkit check`).

A region's copy replaces a national item with a file of the same name in regio/, and hides national
items in regio/hidden.yml. When the national file changes after the region's file last did (a pulled
national update), the region may want to take the change over: these notices say which files.
Without git, or outside a git checkout, there are none.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

from .index import Index
from .problems import Problem


def notices(index: Index, content_dir: Path, overlay: Path | None) -> list[Problem]:
    """One notice per national file that changed in git after the region's file that replaces or hides
    it was last committed; a region file with uncommitted changes counts as changed now."""
    if overlay is None:
        return []
    content_dir, overlay = Path(content_dir).resolve(), Path(overlay).resolve()
    root = content_dir.parent
    pairs = []  # (national file, region file that replaces or hides it)
    for table in index.items.values():
        for item in table.values():
            if item.doc.layer == overlay.name:
                national = content_dir / item.doc.path.resolve().relative_to(overlay)
                if national.is_file():
                    pairs.append((national, item.doc.path.resolve()))
    for ref, hiding in index.hidden.items():
        kind, _, item_id = ref.partition("/")
        pairs.append((content_dir / kind / f"{item_id}.yml", root / hiding))
    out = []
    for national, region in pairs:
        national_time, region_time = _committed(national, root), _committed(region, root)
        if national_time is None or region_time is None or national_time <= region_time:
            continue
        shown_national, shown_region = national.relative_to(root).as_posix(), region.relative_to(root).as_posix()
        day = datetime.fromtimestamp(national_time, timezone.utc).strftime("%d-%m-%Y")
        what = "verbergt" if region.name == "hidden.yml" else "vervangt"
        out.append(Problem(shown_national, 1, 1, f"landelijk gewijzigd op {day}, na de laatste wijziging van "
                                                 f"{shown_region}, dat dit bestand {what}; kijk of je de wijziging "
                                                 "wilt overnemen", severity="notice"))
    return out


def _committed(path: Path, root: Path) -> int | None:
    """When ``path`` last changed in git (Unix time): now if it has uncommitted changes, None without git."""
    try:
        dirty = subprocess.run(["git", "status", "--porcelain", "--", str(path)], cwd=root, capture_output=True,
                               text=True, timeout=30)
        if dirty.returncode != 0:
            return None
        if dirty.stdout.strip():
            return int(datetime.now(timezone.utc).timestamp())
        log = subprocess.run(["git", "log", "-1", "--format=%ct", "--", str(path)], cwd=root, capture_output=True,
                             text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return int(log.stdout.strip()) if log.returncode == 0 and log.stdout.strip() else None
