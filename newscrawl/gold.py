"""The gold set on disk: discover cases, load their pages, run newscrawl on them.

Layout (web-poet style, STYLE.md §4), one folder per case under ``tests/gold/``::

    <case>/inputs/page1.html [page2.html …]   the pages of one story, page 1 first
    <case>/meta.json     url, page_urls, frozen_time (UTC fetch time), source, saved_at, …
    <case>/output.json   the expected value of every ArticleItem field but crawled_at/revision

Shared by ``tests/test_gold.py``, ``tests/gold/update.py``, :mod:`newscrawl.evaluate` and
``bench/bench_extract.py``, so all four read the cases the same way.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from newscrawl.extraction import extract_story

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold"
IGNORED_FIELDS = frozenset({"crawled_at", "revision"})


@dataclass(frozen=True)
class GoldCase:
    """One gold case folder."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @cached_property
    def meta(self) -> dict[str, Any]:
        return json.loads((self.path / "meta.json").read_text(encoding="utf-8"))

    @cached_property
    def expected(self) -> dict[str, Any]:
        return json.loads((self.path / "output.json").read_text(encoding="utf-8"))

    @property
    def fetched_at(self) -> datetime:
        return datetime.fromisoformat(self.meta["frozen_time"])

    @cached_property
    def pages(self) -> list[tuple[str, str]]:
        """(html, url) of every input page, page 1 first."""
        urls = self.meta.get("page_urls") or [self.meta["url"]]
        return [
            ((self.path / "inputs" / f"page{i}.html").read_text(encoding="utf-8"), url)
            for i, url in enumerate(urls, 1)
        ]

    def extract(self) -> dict[str, Any]:
        """newscrawl's output for this case, as a dict of the compared fields."""
        item = extract_story(self.pages, self.fetched_at)
        return {k: v for k, v in asdict(item).items() if k not in IGNORED_FIELDS}


def load_cases(gold_dir: Path | str = GOLD_DIR) -> list[GoldCase]:
    """Every case folder (one holding ``meta.json``), sorted by name."""
    root = Path(gold_dir)
    return [GoldCase(p.parent) for p in sorted(root.glob("*/meta.json"))]
