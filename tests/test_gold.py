"""Gold set: every case × every field, so one bad selector fails one test.

Cases live in ``tests/gold/<case>/`` (inputs/page*.html, meta.json, output.json); see
``tests/goldset.py``, which runs the crawl's own story merge and item pipelines on the saved
pages. Expected outputs come from the ground truth ``tests/gold/make_gold.py``
renders from, never from the extractor; ``tests/gold/update.py`` rewrites chosen fields on
purpose, with a diff to review.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

import pytest

from newscrawl.items import ARTICLE_FIELDS
from newscrawl.pipelines import NotAnArticle
from tests.goldset import IGNORED_FIELDS, extract_article, item_pipelines, load_cases

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


def test_gold_set_includes_pages_from_the_real_site():
    real = [c.name for c in CASES if c.is_real]
    assert len(real) >= 20, real


# Real pages and pages this project made are separate tests, so each gets its own count in a
# report (``pytest tests/test_gold.py -k real_page`` / ``-k made_page``).
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", [c for c in CASES if c.is_real], ids=lambda c: c.name)
def test_gold_field_real_page(case, field):
    assert _actual(case.name)[field] == case.expected[field]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", [c for c in CASES if not c.is_real], ids=lambda c: c.name)
def test_gold_field_made_page(case, field):
    assert _actual(case.name)[field] == case.expected[field]


def test_gold_items_go_through_the_crawls_pipelines_in_settings_order():
    from newscrawl import settings

    ordered = sorted(settings.ITEM_PIPELINES, key=settings.ITEM_PIPELINES.__getitem__)
    chain = [f"{type(p).__module__}.{type(p).__name__}" for p in item_pipelines()]
    # The state pipeline is off (NotConfigured) unless a nightly run turns it on.
    assert chain == [p for p in ordered if p != "newscrawl.state.StatePipeline"]


def test_a_page_the_crawl_would_drop_is_dropped_here_too():
    html = "<html><head><title>Judul - Tribun Solo</title></head><body><h1>Judul</h1></body></html>"
    with pytest.raises(NotAnArticle):
        extract_article(html, "https://solo.tribunnews.com/2025/10/05/judul", datetime.now(UTC))
