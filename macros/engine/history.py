"""What changed in the content, read from git: the facts behind "Wat is er nieuw" (docs/nieuw.md), the Atom feed
and the redirects for items that moved (macros/site/feed.py). No MkDocs here.

Editors write commit messages as they like: the changes come from ``git log --raw -M`` on the content folders
(content/ and a region's regio/), one run per new HEAD (cached in this process, so `mkdocs serve` asks git only
``rev-parse`` after a save). Each file is mapped to what a visitor sees through macros/engine/kinds.py (a file
in a kind's folder is an item) and macros/engine/load.py's LIST_FILES (themes.yml, glossary.yml, …); other files
(schemas, MODEL.md, README.md) are not content and are left out. An item's title is its current one from the
index; for an item that is gone, the title it had in its last version (read from git, ``git cat-file``).

The history is only what the checkout has: in a shallow clone the oldest commit it holds shows every file as
added, so that commit is left out and the history is marked SHALLOW; outside a git checkout (a tarball) it is
UNAVAILABLE. Dates are committer dates of the first-parent line (when a change reached the branch, merges
included), in Europe/Amsterdam.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from .index import Index
from .kinds import BY_FOLDER
from .load import LIST_FILES

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

COMPLETE, SHALLOW, UNAVAILABLE = "complete", "shallow", "unavailable"
"""How much of the history the checkout holds: all of it, only its newest part (``git clone --depth``), none."""

ADDED, CHANGED, REMOVED, MOVED = "A", "M", "D", "R"
"""What happened to an item, as git's status letters: added, changed, removed, renamed (moved)."""


@dataclass(frozen=True)
class FileChange:
    """One file in one commit, as ``git log --raw`` reports it."""

    commit: str
    time: int
    """Committer time, seconds since the epoch."""
    status: str
    """ADDED, CHANGED, REMOVED or MOVED (a copy counts as added, a type change as changed)."""
    path: str
    """Path from the repository's top, after the change (for REMOVED: the path it had)."""
    old_path: str
    """For MOVED the path before; otherwise the same as ``path``."""
    blob: str
    """The file's content after the change (git object id); empty for REMOVED."""
    old_blob: str
    """The content before the change; empty for ADDED."""


@dataclass(frozen=True)
class Log:
    """The content folders' history as the checkout holds it."""

    state: str
    """COMPLETE, SHALLOW or UNAVAILABLE."""
    top: Path | None = None
    """The repository's top folder."""
    changes: tuple[FileChange, ...] = ()
    """Newest first."""


@dataclass(frozen=True)
class Change:
    """A change a visitor can see: to one item or one list file, on one day (several commits on one day are one)."""

    time: datetime
    """When, in Europe/Amsterdam (the newest commit of that day)."""
    status: str
    """ADDED, CHANGED, REMOVED or MOVED."""
    kind: str
    """The kind's folder ("tips") for an item, the file's stem ("themes") for a list file (LIST_FILES)."""
    title: str
    """The item's title now, or for an item that is gone, its last one; empty for a list file."""
    ref: str | None
    """The item's reference ("tips/01-x") when the site shows it now, else None (no link)."""
    key: str
    """Stable name of the item across renames: its path now, or for a removed one ``<path>@<commit>``."""
    commit: str
    """The newest commit of the change."""

    @property
    def day(self) -> date:
        return self.time.date()


@dataclass(frozen=True)
class Move:
    """An item of a kind with own pages whose page address changed (its id changed): ``old_id`` → ``ref``."""

    kind: str
    old_id: str
    ref: str
    title: str


@dataclass(frozen=True)
class History:
    state: str
    """COMPLETE, SHALLOW or UNAVAILABLE (see Log)."""
    changes: tuple[Change, ...] = ()
    """Newest first; at most one per item per day."""
    moves: tuple[Move, ...] = ()
    """Every old page address of an item shown now, newest move first."""


def history(index: Index, folders: list[Path]) -> History:
    """What changed in ``folders`` (the content folder and a region's overlay), mapped onto the site ``index``."""
    log = read_log(folders)
    if log.state == UNAVAILABLE:
        return History(UNAVAILABLE)
    roots = [Path(folder).resolve() for folder in folders]
    shown = {(item.kind, item.doc.path.name): item for table in index.items.values() for item in table.values()}
    keyed = _keys(log.changes)
    wanted: dict[str, str] = {}  # blob → why: its title (for an item that is gone) or old id (for a move)
    rows = []  # (file change, what it is, key, item shown now)
    for change, key in keyed:
        what = _what(log.top / change.path, roots)
        if what is None:
            continue
        kind, is_item = what
        item = None
        if is_item and "@" not in key:
            item = shown.get((kind, Path(key).name))
            if item is None and (log.top / key).exists():
                continue  # the file is there but its item is not shown: a region hides it (regio/hidden.yml)
        rows.append((change, kind, is_item, key, item))
        if is_item and item is None:
            wanted.setdefault(change.old_blob if change.status == REMOVED else change.blob, "title")
        if item is not None and change.old_blob:  # its old id: an old address (page, or anchor on an overview)
            wanted.setdefault(change.old_blob, "id")
    facts = _blob_facts(log.top, list(wanted))
    changes = _per_day(rows, facts)
    moves, seen = [], set()
    for change, kind, is_item, key, item in rows:
        old = facts.get(change.old_blob, {}).get("id") if item is not None and change.old_blob else None
        if old and old != item.id and (kind, old) not in seen and old not in index.items[kind]:
            seen.add((kind, old))
            moves.append(Move(kind, old, item.ref, item.title))
    return History(log.state, tuple(changes), tuple(moves))


def _keys(changes) -> list[tuple[FileChange, str]]:
    """Each file change with the stable key of its item: walking from new to old, a rename passes the newer
    name back to the older path, and a removal starts a new key for the older changes of that path."""
    final: dict[str, str] = {}
    out = []
    for change in changes:
        if change.status == REMOVED:
            key = f"{change.path}@{change.commit}"
            final[change.path] = key
        elif change.status == MOVED:
            key = final.get(change.path, change.path)
            final[change.old_path] = key
        else:
            key = final.get(change.path, change.path)
            if change.status == ADDED:
                final.pop(change.path, None)  # before it was added, the path was something else, or nothing
        out.append((change, key))
    return out


def _what(path: Path, roots: list[Path]) -> tuple[str, bool] | None:
    """(kind folder, True) for an item file, (list file stem, False) for a list file, None for anything else."""
    for root in roots:
        try:
            parts = path.relative_to(root).parts
        except ValueError:
            continue
        if len(parts) == 2 and parts[0] in BY_FOLDER and not parts[1].startswith(".") and parts[1].endswith(".yml"):
            return parts[0], True
        if len(parts) == 1 and parts[0].endswith(".yml") and parts[0][:-4] in LIST_FILES:
            return parts[0][:-4], False
    return None


def _per_day(rows, facts: dict) -> list[Change]:
    """One Change per item (key) per day, newest first: added and then changed is added; changed and then
    removed is removed; added and removed on the same day did not happen for a visitor."""
    groups: dict[tuple, list] = {}
    for row in rows:
        change, kind, is_item, key, item = row
        when = datetime.fromtimestamp(change.time, timezone.utc).astimezone(AMSTERDAM)
        groups.setdefault((when.date(), key), []).append((when, row))
    out = []
    for (_, key), group in groups.items():
        (newest_time, newest), (_, oldest) = group[0], group[-1]
        statuses = [row[0].status for _, row in group]
        first, last = oldest[0].status, newest[0].status
        if first == ADDED and last == REMOVED:
            continue
        status = (ADDED if first == ADDED else REMOVED if last == REMOVED else MOVED if MOVED in statuses else CHANGED)
        change, kind, is_item, _, item = newest
        if item is not None:
            title, ref = item.title, item.ref
        elif is_item:
            blob = change.old_blob if change.status == REMOVED else change.blob
            title, ref = facts.get(blob, {}).get("title") or Path(change.path).stem, None
        else:
            title, ref = "", None
        out.append(Change(newest_time, status, kind, title, ref, key, change.commit))
    out.sort(key=lambda c: c.time, reverse=True)  # stable: the order of git's log within one second
    return out


# --- git ---------------------------------------------------------------------------------------------------

_cache: dict[tuple, Log] = {}
"""(top, HEAD, shallow commits, paths) → Log: `mkdocs serve` rebuilds after every save, git log runs once per HEAD."""

_blob_cache: dict[str, dict] = {}
"""Blob id → {"id", "title"} read from it (blobs never change)."""


def _git(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", "-c", "log.showSignature=false", *args], cwd=cwd, input=stdin,
                              capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)
    except (OSError, subprocess.SubprocessError):  # no git on this computer
        return None


def read_log(folders: list[Path]) -> Log:
    """The history of ``folders`` in the git checkout they are in (one ``git log`` per HEAD and folder set)."""
    folders = [Path(folder).resolve() for folder in folders if Path(folder).is_dir()]
    if not folders:
        return Log(UNAVAILABLE)
    probe = _git(folders[0], "rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow",
                 "--verify", "-q", "HEAD")
    if probe is None or probe.returncode != 0:
        return Log(UNAVAILABLE)  # not a git checkout, or one without a commit yet
    top_text, shallow_text, shallow_file, head = probe.stdout.splitlines()[:4]
    top = Path(top_text).resolve()
    paths = []
    for folder in folders:
        try:
            paths.append(folder.relative_to(top).as_posix() or ".")
        except ValueError:
            continue  # a folder outside this checkout
    shallow_path = Path(shallow_file) if Path(shallow_file).is_absolute() else folders[0] / shallow_file
    boundary = frozenset(shallow_path.read_text().split()) if shallow_text == "true" and shallow_path.exists() else frozenset()
    key = (top, head, boundary, tuple(paths))
    if key not in _cache:
        result = _git(top, "log", "-z", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev",
                      "-M", "--format=%x01%H %ct", "HEAD", "--", *paths) if paths else None
        if result is None or result.returncode != 0:
            return Log(UNAVAILABLE)
        changes = tuple(c for c in parse_log(result.stdout) if c.commit not in boundary)
        _cache.clear()  # only the newest HEAD is worth keeping
        _cache[key] = Log(SHALLOW if shallow_text == "true" else COMPLETE, top, changes)
    return _cache[key]


_STATUS = {"A": ADDED, "C": ADDED, "M": CHANGED, "T": CHANGED, "D": REMOVED, "R": MOVED}


def parse_log(text: str) -> list[FileChange]:
    """The file changes in the output of ``git log -z --raw --no-abbrev --format=%x01%H %ct``."""
    tokens = text.split("\0")
    out, commit, time, i = [], "", 0, 0
    while i < len(tokens):
        token = tokens[i].lstrip("\n")
        if token.startswith("\x01"):
            commit, _, stamp = token[1:].partition(" ")
            time, i = int(stamp), i + 1
        elif token.startswith(":"):
            _, _, old_blob, blob, letters = token[1:].split(" ")
            status = _STATUS.get(letters[0], CHANGED)
            if letters[0] in "RC":
                old_path, path, i = tokens[i + 1], tokens[i + 2], i + 3
            else:
                old_path = path = tokens[i + 1]
                i += 2
            if letters[0] == "C":
                old_path = path
            zero = set(old_blob) == {"0"}
            out.append(FileChange(commit, time, status, path, old_path, "" if status == REMOVED else blob,
                                  "" if zero or status == ADDED else old_blob))
        else:
            i += 1
    return out


_FIELD = re.compile(r"^(id|title):[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def _blob_facts(top: Path | None, blobs: list[str]) -> dict[str, dict]:
    """Blob id → {"id": …, "title": …} of each item file version in ``blobs`` (one ``git cat-file`` for the
    ones not read before in this process)."""
    missing = [blob for blob in blobs if blob and blob not in _blob_cache]
    if missing and top is not None:
        try:
            data = subprocess.run(["git", "cat-file", "--batch"], cwd=top, capture_output=True, timeout=120,
                                  input="".join(f"{blob}\n" for blob in missing).encode()).stdout
        except (OSError, subprocess.SubprocessError):
            data = b""
        position = 0
        for blob in missing:  # each answer: "<blob> blob <size>\n<content>\n", or "<blob> missing\n"
            header_end = data.find(b"\n", position)
            if header_end < 0:
                break
            header = data[position:header_end].split(b" ")
            position = header_end + 1
            if len(header) == 3:
                size = int(header[2])
                _blob_cache[blob] = _facts(data[position:position + size].decode("utf-8", errors="replace"))
                position += size + 1
    return {blob: _blob_cache.get(blob, {}) for blob in blobs}


def _facts(text: str) -> dict:
    """The id and title of an item file's text; plain one-line values are read directly, others by YAML."""
    found = {name: value for name, value in _FIELD.findall(text)}
    if len(found) == 2 and all(value and value[0] not in "'\"|>&*!{[%@`" and " #" not in value
                               for value in found.values()):
        return found
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    data = data if isinstance(data, dict) else {}
    return {name: data[name] for name in ("id", "title") if isinstance(data.get(name), str)}
