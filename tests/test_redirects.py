"""Redirects that lose an article are counted and logged at WARNING, never silent.

A crawl of one site and day through a replica with a redirect cycle (A → A?loop=1 → A) on one
article and a chain longer than ``REDIRECT_MAX_TIMES`` on another: both are lost (there is no
page to read), and each is counted and named once in a WARNING line; every other article is
emitted.
"""

from __future__ import annotations

from typing import Any

import pytest

from newscrawl.replica import ReplicaServer, expected_articles, fault_cases, multi_page_urls
from tests.test_faults import run_crawl

pytestmark = pytest.mark.e2e

DAY = "2025-10-05"
SITE = "papua"


def _plain_articles() -> list[str]:
    special = set(fault_cases().values()) | set(multi_page_urls())
    return sorted(
        a.url for a in expected_articles([SITE], since=DAY, until=DAY) if a.url not in special
    )


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    loop, chain = _plain_articles()[:2]
    inject = {loop: "redirect-loop", chain: "redirect-chain:25"}
    with ReplicaServer(inject=inject) as srv:
        result = run_crawl(srv, tmp_path_factory.mktemp("redirects"), SITE, DAY, DAY)
    return {**result, "loop": loop, "chain": chain}


def test_lost_articles_are_counted(crawl):
    assert crawl["stats"]["newscrawl/redirects/loops"] == 1
    assert crawl["stats"]["newscrawl/redirects/too_many"] == 1


def test_each_lost_article_is_named_once_at_warning(crawl):
    warnings = [line for line in crawl["log"].splitlines() if " WARNING: " in line]
    for url, what in ((crawl["loop"], "redirect loop"), (crawl["chain"], "too many redirects")):
        named = [line for line in warnings if f"Lost {url}: {what}" in line]
        assert len(named) == 1, (url, warnings)


def test_every_other_article_is_emitted(crawl):
    truth = {a.url for a in expected_articles([SITE], since=DAY, until=DAY)}
    assert set(crawl["items"]) == truth - {crawl["loop"], crawl["chain"]}
