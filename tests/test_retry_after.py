"""``Retry-After`` on 429/503 is honoured before the retry, and a huge one is capped.

The replica's ``status-429:TIMES/SECONDS`` is a rate limiter: it refuses an article TIMES times
with ``Retry-After: SECONDS`` and refuses again, without counting, any request that comes back
sooner. A crawler that retries at once (Scrapy's RetryMiddleware) spends ``RETRY_TIMES`` inside
the window and loses the article; one that waits gets it on the fourth try.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

import pytest

from newscrawl.replica import ReplicaServer, expected_articles, fault_cases, multi_page_urls
from newscrawl.retry import retry_after_seconds
from tests.test_faults import hits, run_crawl

DAY = "2025-10-05"
SITE = "papua"


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (b"2", 2.0),
        ("  120 ", 120.0),
        ("Sun, 29 Nov 2026 12:00:30 GMT", 30.0),
        ("Sun, 29 Nov 2026 11:00:00 GMT", 0.0),  # in the past: no wait
        (b"soon", None),
        ("-5", None),
        (None, None),
    ],
)
def test_retry_after_values(value, seconds):
    now = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds(value, now=now) == seconds


def _plain_articles() -> list[str]:
    special = set(fault_cases().values()) | set(multi_page_urls())
    return sorted(
        a.url for a in expected_articles([SITE], since=DAY, until=DAY) if a.url not in special
    )


def _times(crawl, url):
    from newscrawl.replica.faults import url_key

    host, path = url_key(url)
    return [r["ts"] for r in crawl["requests"] if r["host"] == host and r["path"] == path]


@pytest.mark.e2e
def test_retry_after_is_waited_for_and_a_huge_one_capped(tmp_path):
    limited, hour = _plain_articles()[:2]
    inject = {limited: "status-429:3/2", hour: "status-429:1/3600"}
    with ReplicaServer(inject=inject) as srv:
        crawl = run_crawl(
            srv, tmp_path, SITE, DAY, DAY,
            "-s", "RETRY_TIMES=3", "-s", "NEWSCRAWL_MAX_RETRY_AFTER=2",
        )  # fmt: skip
    # Waited 2 s before each retry: refused three times, then the page.
    assert hits(crawl, limited) == [429, 429, 429, 200]
    times = _times(crawl, limited)
    assert all(b - a >= 1.9 for a, b in pairwise(times)), times
    assert limited in crawl["items"]
    # "Retry-After: 3600" is waited for 2 s only (NEWSCRAWL_MAX_RETRY_AFTER), each time counted
    # and logged; the site keeps refusing, so that article is lost and the exit code says so.
    assert hits(crawl, hour) == [429, 429, 429, 429]
    assert hour not in crawl["items"]
    assert crawl["stats"]["newscrawl/retry/after_waited"] == 6
    assert crawl["stats"]["newscrawl/retry/after_capped"] == 3
    assert f"{hour} asks to retry after 3600 s; waiting 2 s" in crawl["log"]
    assert crawl["code"] == 1
    assert "1 article failed after retries" in crawl["stderr"]


@pytest.mark.e2e
def test_a_retry_after_http_date_is_waited_for(tmp_path):
    """``Retry-After`` as an HTTP date (RFC 9110 §10.2.3), through a real crawl: the limiter
    refuses any retry before the date it gave, so retrying at once would lose the article."""
    (limited,) = _plain_articles()[:1]
    with ReplicaServer(inject={limited: "status-429:2/2/date"}) as srv:
        crawl = run_crawl(srv, tmp_path, SITE, DAY, DAY, "-s", "RETRY_TIMES=2")
    assert hits(crawl, limited) == [429, 429, 200]
    assert limited in crawl["items"]
    assert crawl["stats"]["newscrawl/retry/after_waited"] == 2
    assert crawl["code"] == 0
