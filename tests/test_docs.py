"""The repository is self-contained: what the code cites exists in the repository.

Comments cite ``docs/site-structure.md`` by section (``§4.4``) and evidence key (``[R1]``);
a clone must be able to follow every citation, so a section or key that is not in that file,
or a pointer to a briefing outside the repository, fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE_DOC = ROOT / "docs" / "site-structure.md"
SOURCES = sorted(
    p
    for pattern in (
        "newscrawl/**/*.py",
        "tests/**/*.py",
        "bench/**/*.py",
        "docs/*.md",
        "*.md",
        "tests/gold/*/meta.json",
    )
    for p in ROOT.glob(pattern)
    if ".venv" not in p.parts and p != Path(__file__).resolve()
)
# "§4.4" cites docs/site-structure.md; "RFC 9110 §10.2.3" (a number before §) cites another text.
SECTION = re.compile(r"(?<![0-9] )§\s?(\d+(?:\.\d+)?)")
KEY = re.compile(r"\[((?:[RCPF]\d+)(?:\]\[(?:[RCPF]\d+))*)")
OUTSIDE = re.compile(r"(?<![\w-])(?:STRUCTURE|STYLE|ARCHITECTURE)\.md|\.\./shared\b|real-html/")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _doc_sections() -> set[str]:
    """Section numbers of the headings: ``## 2. In-body …`` → 2, ``### 4.4 Index …`` → 4.4."""
    found = set()
    for line in _text(SITE_DOC).splitlines():
        if m := re.match(r"#{2,3} (\d+(?:\.\d+)?)\.? ", line):
            found.add(m.group(1))
    return found


def _doc_keys() -> set[str]:
    """Keys defined in the evidence list: table rows that start with the key."""
    evidence = _text(SITE_DOC).split("## Evidence list", 1)[1]
    return set(re.findall(r"\| ([RCPF]\d+) \|", evidence))


def _cited(pattern: re.Pattern[str]) -> dict[str, list[str]]:
    cited: dict[str, list[str]] = {}
    for path in SOURCES:
        for number, line in enumerate(_text(path).splitlines(), 1):
            for match in pattern.finditer(line):
                for value in re.findall(r"[RCPF]?\d+(?:\.\d+)?", match.group(1)):
                    where = f"{path.relative_to(ROOT)}:{number}"
                    cited.setdefault(value, []).append(where)
    return cited


def test_site_doc_has_every_section_of_its_outline():
    expected = {f"1.{n}" for n in range(1, 14)} | {"1", "2", "3", "4", "5", "6", "7", "8", "9"}
    expected |= {f"4.{n}" for n in range(1, 7)}
    assert _doc_sections() == expected


def test_every_cited_section_exists():
    sections = _doc_sections()
    missing = {s: where for s, where in _cited(SECTION).items() if s not in sections}
    assert missing == {}


def test_every_cited_evidence_key_is_explained():
    keys = _doc_keys()
    assert {"R1", "R2", "R3", "C1", "P4", "F16"} <= keys
    missing = {k: where for k, where in _cited(KEY).items() if k not in keys}
    assert missing == {}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_pointer_to_a_briefing_outside_the_repository(path):
    lines = [line for line in _text(path).splitlines() if OUTSIDE.search(line)]
    assert lines == []


REPO_PATH = re.compile(
    r"(?<![\w./-])((?:newscrawl|tests|bench|docs|scripts)/[\w./-]*\.(?:py|md|html|json|toml|sh))\b"
)


def test_every_repository_path_mentioned_exists():
    """``newscrawl/…py``, ``docs/…md``, ``tests/…`` named in comments, docs and the README."""
    missing = [
        f"{path.relative_to(ROOT)}:{number}: {match.group(1)}"
        for path in SOURCES
        for number, line in enumerate(_text(path).splitlines(), 1)
        for match in REPO_PATH.finditer(line)
        if not (ROOT / match.group(1)).exists()
    ]
    assert missing == []
