"""A plain ``scrapy crawl tribun`` that lost pages exits 1 with one line saying what was lost.

Lost: an article that still fails after retries (here: 500 on every try). Not lost: an article
the site answers 404 for (gone: removed by the site) and one robots.txt disallows. Each crawl is
one site and one day of the replica (a few seconds).
"""

from __future__ import annotations

from typing import Any

import pytest

from newscrawl.losses import loss_summary
from newscrawl.replica import ReplicaServer, expected_articles, fault_cases, multi_page_urls
from tests.test_faults import run_crawl
from tests.test_monitors import healthy_stats, run_suite

DAY = "2025-10-05"


def test_nothing_lost_has_no_summary():
    assert loss_summary({"item_scraped_count": 12, "newscrawl/articles/gone": 2}) is None


def test_summary_names_each_kind_with_its_count():
    stats = {
        "newscrawl/lost/article_failed": 1,
        "newscrawl/download/too_large": 1,
        "newscrawl/redirects/loops": 2,
        "newscrawl/articles/partial": 1,
    }
    assert loss_summary(stats) == (
        "4 page(s) lost: 1 article failed after retries, 1 page over the size cap, "
        "2 redirect loops; 1 article written partial"
    )


def test_partial_alone_is_reported():
    assert loss_summary({"newscrawl/articles/partial": 3}) == "3 articles written partial"


@pytest.mark.parametrize(
    ("stat", "named"),
    [
        ("newscrawl/lost/article_failed", "1 article failed after retries"),
        ("newscrawl/lost/page_failed", "1 story page 2+ failed after retries"),
        ("newscrawl/lost/listing_failed", "1 listing page failed after retries"),
        ("newscrawl/download/too_large", "1 page over the size cap"),
        ("newscrawl/redirects/loops", "1 redirect loop"),
        ("newscrawl/redirects/too_many", "1 page with too many redirects"),
        ("newscrawl/extract/errors", "1 page the extractor failed on"),
        ("newscrawl/articles/partial", "1 article written partial"),  # page failed or capped
    ],
)
def test_nightly_is_unhealthy_for_every_kind_of_loss(stat, named):
    # Redirect losses and capped stories log only a WARNING: the error count alone passes them.
    results, _ = run_suite(healthy_stats(**{stat: 1}))
    assert results["Lost pages"]["status"] == "FAIL"
    assert named in results["Lost pages"]["message"]
    assert results["Error count"]["status"] == "OK"


def _plain_articles(site: str) -> list[str]:
    special = set(fault_cases().values()) | set(multi_page_urls())
    return sorted(
        a.url for a in expected_articles([site], since=DAY, until=DAY) if a.url not in special
    )


@pytest.mark.e2e
def test_article_lost_after_retries_exits_1_after_writing_the_rest(tmp_path):
    failing, disallowed = _plain_articles("papua")[:2]
    inject = {failing: "status-500", disallowed: "robots-disallow"}
    with ReplicaServer(inject=inject) as srv:
        crawl: dict[str, Any] = run_crawl(srv, tmp_path, "papua", DAY, DAY)
    assert crawl["code"] == 1, crawl["stderr"][-2000:]
    truth = {a.url for a in expected_articles(["papua"], since=DAY, until=DAY)}
    assert set(crawl["items"]) == truth - {failing, disallowed}
    assert crawl["stats"]["newscrawl/lost/article_failed"] == 1
    summary = [line for line in crawl["stderr"].splitlines() if line.startswith("scrapy crawl:")]
    assert len(summary) == 1, crawl["stderr"][-2000:]
    assert summary[0].startswith("scrapy crawl: 1 page(s) lost: 1 article failed after retries")
    assert f"Lost article {failing}" in crawl["log"]


@pytest.mark.e2e
def test_gone_and_robots_disallowed_articles_are_not_lost(tmp_path):
    dead = fault_cases()["dead-link"]  # solo 2025-10-05's index links an article that is 404
    disallowed = _plain_articles("solo")[0]
    with ReplicaServer(inject={disallowed: "robots-disallow"}) as srv:
        crawl = run_crawl(srv, tmp_path, "solo", DAY, DAY)
    assert crawl["code"] == 0, crawl["stderr"][-2000:]
    assert crawl["stats"]["newscrawl/articles/gone"] == 1
    assert crawl["stats"]["robotstxt/forbidden"] == 1
    assert not any(k.startswith("newscrawl/lost/") for k in crawl["stats"])
    assert f"INFO: Gone (404): {dead}" in crawl["log"]
    assert "scrapy crawl:" not in crawl["stderr"]


@pytest.mark.e2e
def test_demo_that_loses_a_page_says_so_and_exits_1(tmp_path, capfd):
    from newscrawl.demo import run_demo

    failing = _plain_articles("papua")[0]  # 2025-10-05, the demo window's first day
    assert run_demo(tmp_path, sites="papua", inject={failing: "status-500"}) == 1
    out, err = capfd.readouterr()
    assert "scrapy crawl: 1 page(s) lost: 1 article failed after retries" in err
    assert "demo crawl exited 1: not everything was written" in err
    assert "demo: " in out  # what was written is still described
