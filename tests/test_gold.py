"""Gold set: every case × every field, so one bad selector fails one test (STYLE.md §4).

Cases live in ``tests/gold/<case>/`` (inputs/page*.html, meta.json, output.json); see
``tests/goldset.py``, which runs the crawl's own story merge and item pipelines on the saved
pages. Expected outputs come from the ground truth ``tests/gold/make_gold.py``
renders from, never from the extractor; ``tests/gold/update.py`` rewrites chosen fields on
purpose, with a diff to review.
"""

from __future__ import annotations

from functools import cache

import pytest

from newscrawl.items import ARTICLE_FIELDS
from tests.goldset import IGNORED_FIELDS, load_cases

CASES = load_cases()
FIELDS = [f for f in ARTICLE_FIELDS if f not in IGNORED_FIELDS]


@cache
def _actual(name: str) -> dict:
    case = next(c for c in CASES if c.name == name)
    return case.extract()


def test_gold_set_is_large_and_complete():
    assert len(CASES) >= 60
    for case in CASES:
        assert set(case.expected) == set(FIELDS), case.name
        assert case.meta["frozen_time"].endswith("+00:00"), case.name
        assert case.meta.get("source"), case.name


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_gold_field(case, field):
    assert _actual(case.name)[field] == case.expected[field]
