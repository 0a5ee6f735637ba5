"""Problems found in content, reported GNU style: ``path:line:col: error: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one content file; line and column are 1-based."""

    file: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def github(self) -> str:
        """The same problem as a GitHub Actions annotation on the pull request's diff."""
        kind = "error" if self.severity == "error" else "notice"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.file},line={self.line},col={self.col}::{message}"


class ContentError(Exception):
    """Raised when content has problems; carries all of them, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        word = "probleem" if count == 1 else "problemen"
        super().__init__(f"de inhoud heeft {count} {word}:\n" + "\n".join(map(str, self.problems)))


def field_path(path: tuple) -> str:
    """Render a data path as the editor reads it: ``sections[2].body[0].text``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
