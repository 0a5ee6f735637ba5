"""Every seed document is fully represented in the content.

The five texts in ``tests/fixtures/seeds/`` are the substance of the toolkit; ``content/`` is their
transcription. This test cuts each seed into sentence fragments and checks that every fragment of
three words or more occurs in the text of the content, so a paragraph dropped (or silently
rewritten) during transcription fails the build with the sentences that went missing.

Deviations from a seed are allowed only when recorded in
``tests/fixtures/seed-repairs/<seed-stem>.<part>.yml``::

    repairs:            # applied to the seed text with str.replace, in file order
      - from: "exact seed text"      # may contain newlines; must still occur in the seed
        to: "what the content says"
        why: typo
    skip:               # exact seed lines that are not content
      - "1."

A repair or skip that no longer matches the seed is reported too, so stale entries don't pile up.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the engine is importable without installing the package
    sys.path.insert(0, str(ROOT))

from macros.engine import CONTENT_DIR, check

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS_DIR = FIXTURES / "seeds"
REPAIRS_DIR = FIXTURES / "seed-repairs"

SEED_STEMS = (
    "tips-regionaal-samenwerken",
    "scenarios-wat-is-wijsheid",
    "lessons-learned",
    "routekaart-borging-inbedding",
    "bouwstenen-break-outs-2021",
)
"""The seeds this test checks; test_every_seed_file_is_checked keeps it equal to the fixtures dir."""

MIN_WORDS = 3
SHOW = 10


# --------------------------------------------------------------------------------------------
# Repairs
# --------------------------------------------------------------------------------------------


def repair_files(stem: str, repairs_dir: Path = REPAIRS_DIR) -> list[Path]:
    """The repairs files of one seed: ``<stem>.<part>.yml`` (or ``<stem>.yml``), sorted."""
    return sorted(p for p in repairs_dir.glob("*.yml") if p.name.split(".")[0] == stem)


def apply_repairs(text: str, files: list[Path]) -> tuple[str, list[str], list[str]]:
    """Apply every repair of every file; returns (text, skip lines, errors)."""
    original = text
    skips: list[str] = []
    errors: list[str] = []
    for path in files:
        name = f"{path.parent.name}/{path.name}"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as err:
            errors.append(f"{name}: invalid YAML: {err}")
            continue
        if not isinstance(data, dict):
            errors.append(f"{name}: expected a mapping with 'repairs' and 'skip'")
            continue
        for i, repair in enumerate(data.get("repairs") or []):
            if not (isinstance(repair, dict) and isinstance(repair.get("from"), str)
                    and isinstance(repair.get("to"), str) and repair["from"]):
                errors.append(f"{name}: repairs[{i}] needs a non-empty 'from' and a 'to' string")
                continue
            if repair["from"] not in text:
                errors.append(f"{name}: repairs[{i}] 'from' no longer occurs in the seed: {repair['from']!r}")
                continue
            text = text.replace(repair["from"], repair["to"])
        for i, line in enumerate(data.get("skip") or []):
            if not isinstance(line, str):
                errors.append(f"{name}: skip[{i}] must be a string")
                continue
            if not any(line.strip() == seen.strip() for seen in original.splitlines()):
                errors.append(f"{name}: skip[{i}] is not a line of the seed: {line!r}")
                continue
            skips.append(line.strip())
    if skips:
        wanted = set(skips)
        text = "\n".join(line for line in text.splitlines() if line.strip() not in wanted)
    return text, skips, errors


# --------------------------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------------------------

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_TOC_ENTRY_RE = re.compile(r"\t\s*\d+\s*$")


def _heading(line: str) -> tuple[int, str] | None:
    match = _HEADING_RE.match(line)
    if not match:
        return None
    return len(match.group(1)), normalise(strip_markup(match.group(2)))


def drop_furniture(text: str) -> str:
    """Remove the table of contents and the route-map banners (text repeated from the chapters)."""
    lines = text.splitlines()
    drop: set[int] = set()

    # Table of contents: the "INHOUDSOPGAVE" heading and the "title<TAB>page" lines after it,
    # up to the first line that is not an entry (the colophon).
    for i, line in enumerate(lines):
        head = _heading(line)
        if head and head[1] == "inhoudsopgave":
            drop.add(i)
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or _TOC_ENTRY_RE.search(strip_tags(lines[j]))):
                drop.add(j)
                j += 1

    # Banners: a heading followed by a one-line tagline that recurs later as a chapter heading
    # (a higher level heading with the same text) followed by the same tagline. The later
    # occurrence stays in and is checked; the banner copy is furniture.
    def next_line(i: int) -> int | None:
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        return j if j < len(lines) else None

    pairs = []  # (line of heading, level, heading text, line of tagline, tagline text)
    for i, line in enumerate(lines):
        head = _heading(line)
        j = next_line(i) if head else None
        if head and j is not None and not _heading(lines[j]):
            pairs.append((i, head[0], head[1], j, normalise(strip_markup(lines[j]))))
    for i, level, title, j, tagline in pairs:
        if any(k > j and lvl < level and t == title and tag == tagline for k, lvl, t, _, tag in pairs):
            drop.update((i, j))

    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


# --------------------------------------------------------------------------------------------
# Markup and normalisation (the same for seed and content)
# --------------------------------------------------------------------------------------------

_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_BLOCK_TAG_RE = re.compile(r"</?(?:ul|ol|li|p|br|tr|td|th|table|div)\b[^>]*>", re.I)
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)\s]*\)")
_FOOTNOTE_RE = re.compile(r"\[\^[^\]]+\]:?")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|'\"])")
_EMPHASIS_RE = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_LIST_MARKER_RE = re.compile(r"^\s*(?:[-*+•➔]|\d+[.)])(?:\s+|$)")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "`": "'", "´": "'",
                         "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_EDGE = "\"'.,:;!?()[]{}<>-–—…*_/\\+ \t\n"


def strip_tags(text: str) -> str:
    text = _AUTOLINK_RE.sub(r"\1", text)
    text = _BLOCK_TAG_RE.sub("\n", text)
    return _TAG_RE.sub("", text)


def strip_markup(text: str) -> str:
    """Plain text of Markdown/HTML: no tags, entities, links, emphasis, headings or list markers."""
    text = html.unescape(strip_tags(text))
    text = text.replace("\t", "\n").replace(" + ", "\n")  # table cells of the extracted seeds
    text = _FOOTNOTE_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _ESCAPE_RE.sub(r"\1", text)
    text = _EMPHASIS_RE.sub("", text)
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        while (stripped := _LIST_MARKER_RE.sub("", line, count=1)) != line:
            line = stripped
        lines.append(line.replace("➔", " "))
    return "\n".join(lines)


def normalise(text: str) -> str:
    text = text.casefold().translate(_QUOTES).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip(_EDGE)


_SENTENCE_END_RE = re.compile(r"(?<=[.?!:;])\s+")


def fragments(text: str) -> list[str]:
    """Normalised fragments of at least MIN_WORDS words: split at line breaks and sentence ends."""
    found = []
    for line in strip_markup(text).splitlines():
        for piece in _SENTENCE_END_RE.split(line):
            piece = normalise(piece)
            if len(re.findall(r"\w+", piece)) >= MIN_WORDS and piece not in found:
                found.append(piece)
    return found


# --------------------------------------------------------------------------------------------
# Both sides
# --------------------------------------------------------------------------------------------


def seed_fragments(stem: str, seeds_dir: Path = SEEDS_DIR,
                   repairs_dir: Path = REPAIRS_DIR) -> tuple[list[str], list[str]]:
    """The fragments a seed must be represented by, and the errors in its repairs files."""
    text = (seeds_dir / f"{stem}.txt").read_text(encoding="utf-8")
    text, _, errors = apply_repairs(text, repair_files(stem, repairs_dir))
    return fragments(drop_furniture(text)), errors


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
    elif data is not None and not isinstance(data, bool):
        yield str(data)


def content_text(content_dir: Path = CONTENT_DIR) -> str:
    """Every string value of the index (items, sections, blocks, list files), normalised, one a line."""
    index, _ = check(content_dir)  # validity is another test's business
    values = [item.data for table in index.items.values() for item in table.values()]
    values += [index.themes, index.regions, index.sources, index.glossary]
    return "\n".join(normalise(strip_markup(s)) for v in values for s in _strings(v))


@dataclass
class Coverage:
    seed: Path
    missing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def report(self) -> str:
        lines = []
        if self.errors:
            lines.append(f"{len(self.errors)} stale or broken entr(y/ies) in the repairs of {self.seed.name}:")
            lines += [f"  - {e}" for e in self.errors]
        if self.missing:
            lines.append(f"{len(self.missing)} sentence(s) of seed {_display(self.seed)} not found in the content "
                         f"(first {min(SHOW, len(self.missing))} shown):")
            lines += [f"  - {m}" for m in self.missing[:SHOW]]
            lines.append(f"Restore them in content/, or record the deviation in "
                         f"tests/fixtures/seed-repairs/{self.seed.stem}.<part>.yml.")
        return "\n".join(lines)


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def coverage(stem: str, content_dir: Path = CONTENT_DIR, seeds_dir: Path = SEEDS_DIR,
             repairs_dir: Path = REPAIRS_DIR, content: str | None = None) -> Coverage:
    """Which fragments of a seed the content lacks, plus any stale repairs."""
    wanted, errors = seed_fragments(stem, seeds_dir, repairs_dir)
    content = content_text(content_dir) if content is None else content
    return Coverage(seeds_dir / f"{stem}.txt", [f for f in wanted if f not in content], errors)


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def content() -> str:
    return content_text()


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_is_fully_represented(stem, content):
    result = coverage(stem, content=content)
    if result.errors or result.missing:
        pytest.fail(result.report(), pytrace=False)


def test_every_seed_file_is_checked():
    on_disk = sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    assert on_disk == sorted(SEED_STEMS), (
        f"seed files in {SEEDS_DIR} and SEED_STEMS differ: "
        f"unchecked {sorted(set(on_disk) - set(SEED_STEMS))}, gone {sorted(set(SEED_STEMS) - set(on_disk))}")
    orphans = [p.name for p in REPAIRS_DIR.glob("*.yml") if p.name.split(".")[0] not in on_disk]
    assert not orphans, f"repairs files without a seed in {SEEDS_DIR}: {orphans}"


def test_banners_are_covered_by_the_chapters():
    """The route-map banners are dropped only because each recurs as a chapter heading + tagline."""
    text = (SEEDS_DIR / "routekaart-borging-inbedding.txt").read_text(encoding="utf-8")
    text, _, _ = apply_repairs(text, repair_files("routekaart-borging-inbedding"))
    kept = drop_furniture(text)
    assert "INHOUDSOPGAVE" not in kept and "Tom Poes, verzin een list\t16" not in kept
    # The colophon is not table of contents: only an explicit skip may drop it.
    assert "Deze routekaart is in opdracht" in drop_furniture((SEEDS_DIR / "routekaart-borging-inbedding.txt").read_text(encoding="utf-8"))
    for heading in ("CONTINUÏTEIT IN DE TIJD", "VOORBIJ 'EEN PROJECT ERBIJ'"):
        assert text.count(f"### {heading}\n") == 2 and f"### {heading}\n" not in kept
        assert kept.count(f"## {heading}\n") == 1


def _delete_block(data, needle: str) -> bool:
    """Remove the body block whose text contains needle, anywhere in an item."""
    if isinstance(data, dict):
        return any(_delete_block(v, needle) for v in data.values())
    if isinstance(data, list):
        for i, value in enumerate(data):
            if isinstance(value, dict) and needle in str(value.get("text", "")) and set(value) == {"text"}:
                del data[i]
                return True
            if _delete_block(value, needle):
                return True
    return False


def test_a_dropped_paragraph_is_reported(tmp_path):
    sentence = "De kosten-batenanalyse kan bijvoorbeeld later verrekend worden."
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    path = copy / "routekaart" / "01-continuiteit-in-de-tijd.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _delete_block(data, "kosten-batenanalyse"), "test paragraph not found in the content"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    before = coverage("routekaart-borging-inbedding")
    after = coverage("routekaart-borging-inbedding", content_dir=copy)
    wanted = normalise(sentence)
    assert wanted not in before.missing
    assert wanted in after.missing
    assert len(after.missing) > len(before.missing)
    assert wanted in after.report() and "tests/fixtures/seeds/routekaart-borging-inbedding.txt" in after.report()


def test_a_stale_repair_is_reported(tmp_path):
    for path in repair_files("lessons-learned"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "lessons-learned.zz.yml").write_text(
        'repairs:\n  - from: "tekst die niet in de bron staat"\n    to: "x"\n    why: test\n'
        'skip:\n  - "geen regel van de bron"\n', encoding="utf-8")
    result = coverage("lessons-learned", repairs_dir=tmp_path)
    assert any("tekst die niet in de bron staat" in e for e in result.errors)
    assert any("geen regel van de bron" in e for e in result.errors)
