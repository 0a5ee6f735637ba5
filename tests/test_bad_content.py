"""The bad-input corpus: every file in tests/bad/ breaks the mini content in one way.

Each bad file starts with header comments:

    # target: tips/99-dubbel-veld.yml      where it goes under content/ (a list file is replaced)
    # expect: content/tips/...:6:1: error: ...   one line per problem the checker must print
    # pad-to: 300000                       optional: append comment lines up to this many bytes

The test copies tests/fixtures/mini-content to a temporary content/ folder, puts the bad file at
its target, runs ``python -m macros check`` and compares the printed problems with the expect
lines: same file, line, column and message, nothing more and nothing less.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.engine import schemas
from macros.engine.load import ITEM_TYPES, LIST_FILES, discover, load

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MINI = TESTS / "fixtures" / "mini-content"
BAD = TESTS / "bad"
CASES = sorted(BAD.glob("*.yml"))

_HEADER_RE = re.compile(r"^# (target|expect|pad-to): (.*)$")
_ERROR_RE = re.compile(r"^content/.*: error: ")


def read_header(path: Path) -> dict:
    """The header comments of a bad file: target, expected lines and optional pad-to size.

    Read as bytes so the not-UTF-8 case works; only the header lines need to be readable.
    """
    header = {"target": None, "expect": [], "pad-to": 0}
    for raw in path.read_bytes().splitlines():
        line = raw.decode("utf-8", errors="replace").rstrip("\r")
        match = _HEADER_RE.match(line)
        if not match:
            if line.startswith("#"):
                continue
            break
        key, value = match.groups()
        if key == "expect":
            header["expect"].append(value)
        elif key == "pad-to":
            header["pad-to"] = int(value)
        else:
            header["target"] = value
    return header


def run_check(root: Path) -> subprocess.CompletedProcess:
    """Run the checker on root/content from root, as an editor would from the repository."""
    command = [sys.executable, "-m", "macros", "check", "--content", str(root / "content")]
    # The project is not installed into the venv: make the macros package importable from root.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    env.pop("GITHUB_ACTIONS", None)  # no annotation lines in the output
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, encoding="utf-8")


def place(case: Path, content: Path, header: dict) -> Path:
    """Copy the bad file byte for byte to its target under content/, padded if the header asks."""
    target = content / header["target"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, target)
    missing = header["pad-to"] - target.stat().st_size
    if missing > 0:
        # Comment lines up to exactly pad-to bytes, so the size in the message is fixed.
        line = b"# opvulling om het bestand groter te maken dan de grens\n"
        filler = line * (missing // len(line))
        rest = missing - len(filler)
        if rest == 1:
            filler += b"\n"
        elif rest > 1:
            filler += b"#" + b" " * (rest - 2) + b"\n"
        with target.open("ab") as out:
            out.write(filler)
    return target


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


def test_mini_content_passes(tmp_path):
    shutil.copytree(MINI, tmp_path / "content")
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_content(case, tmp_path):
    header = read_header(case)
    assert header["target"], f"{case.name}: '# target:' ontbreekt"
    assert header["expect"], f"{case.name}: geen '# expect:' regels"
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    place(case, content, header)

    result = run_check(tmp_path)

    reported = {line for line in result.stdout.splitlines() if _ERROR_RE.match(line)}
    assert result.returncode == 1, result.stdout + result.stderr
    assert reported == set(header["expect"]), result.stdout + result.stderr


def _kind(target: str) -> str:
    """The content kind of a target path: its folder, or the stem of a list file."""
    return target.split("/")[0] if "/" in target else target.removesuffix(".yml")


def _agreement_cases():
    """Every bad-corpus, mini-content and national file that parses: (kind, its loaded document)."""
    files = [(_kind(read_header(c)["target"]), c) for c in CASES]
    files += [(kind, path) for folder in (MINI, ROOT / "content") for kind, path in discover(folder)]
    for kind, path in files:
        doc, _ = load(path, path.name)
        if doc.data is not None and kind in {**ITEM_TYPES, **LIST_FILES}:
            yield pytest.param(kind, doc, id=f"{path.parent.name}/{path.name}")


@pytest.mark.parametrize("kind, doc", list(_agreement_cases()))
def test_fast_schema_check_agrees_with_full_validator(kind, doc):
    """A build asks the fast (Rust) validator only "valid or not" and runs the full one, whose errors
    become the messages, only on a no. They must agree, or a mistake would slip through unreported."""
    full_errors = list(schemas.validators(schemas.SCHEMA_DIR)[schemas.schema_name(kind)].iter_errors(doc.data))
    assert schemas.passes(kind, doc.data, schemas.SCHEMA_DIR) == (not full_errors), [e.message for e in full_errors]
