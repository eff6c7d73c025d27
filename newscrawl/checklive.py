"""``newscrawl check-live --site solo``: a live smoke check that sees a site redesign the day it
happens.

It runs the real ``tribun`` spider, limited to the first page of the site's date index for one
day (today in the site's zone by default) and its first few articles
(``NEWSCRAWL_MAX_INDEX_PAGES=1``, no sitemaps, ``CLOSESPIDER_ITEMCOUNT``), through the same
pipelines as every crawl and Scrapy's own ``https_proxy`` support, and prints, per item field,
how many of those articles have it, then every phrase of ``newscrawl.boilerplate.LEAK_PATTERNS``
left in a body. Exit codes: 0 healthy; 1 when no article came out, an article lacks a title,
body or publication date, or boilerplate was left; 2 when the site cannot be reached at all
(the first requests fail with a DNS or connection error: offline, or a dead proxy) or the
arguments are wrong.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from itemadapter import ItemAdapter

from newscrawl.boilerplate import leaked_phrases
from newscrawl.items import ARTICLE_FIELDS
from newscrawl.sites import Site

# Fields every article must have; a live article without one means the page changed.
REQUIRED_FIELDS = ("title", "body", "published_at")
# Fields whose value is always set by the crawl itself: their coverage says nothing.
_BOOKKEEPING = frozenset({"url", "site", "is_partial", "crawled_at", "revision"})
# Download errors that mean "no way to the site", as Scrapy's downloader stats name them
# (Scrapy's own classes since 2.15, Twisted's before).
_UNREACHABLE = {
    "CannotResolveHostError": "DNS lookup failed",
    "DownloadConnectionRefusedError": "connection refused",
    "DownloadTimeoutError": "timed out",
    "DownloadFailedError": "download failed",
    "DNSLookupError": "DNS lookup failed",
    "ConnectionRefusedError": "connection refused",
    "TCPTimedOutError": "connection timed out",
    "TimeoutError": "timed out",
    "ConnectError": "connection failed",
    "NoRouteError": "no route to host",
    "TunnelError": "proxy tunnel failed",
    "ConnectionLost": "connection lost",
    "ResponseNeverReceived": "no response",
}
_EXCEPTION_STAT = "downloader/exception_type_count/"


class SiteUnreachable(Exception):
    """No response at all from the site: offline, DNS failing, or the proxy is down."""


@dataclass(slots=True)
class LiveReport:
    """What a live check found."""

    site: Site
    day: date
    items: list[dict[str, Any]] = field(default_factory=list)
    leaks: list[tuple[str, str, int]] = field(default_factory=list)
    """(URL, phrase, occurrences) for every phrase left in a body."""

    @property
    def coverage(self) -> dict[str, int]:
        """Articles with a non-empty value, per item field (bookkeeping fields left out)."""
        return {
            name: sum(1 for item in self.items if item.get(name) not in (None, "", [], {}))
            for name in ARTICLE_FIELDS
            if name not in _BOOKKEEPING
        }

    @property
    def problems(self) -> list[str]:
        """Why the check is unhealthy; empty when it is healthy."""
        if not self.items:
            return [f"no article came out of the first index page of {self.day}"]
        found = [
            f"{name} missing on {len(self.items) - count} of {len(self.items)}"
            for name, count in self.coverage.items()
            if name in REQUIRED_FIELDS and count < len(self.items)
        ]
        if self.leaks:
            found.append(f"{sum(n for _, _, n in self.leaks)} boilerplate phrase(s) left")
        return found

    def lines(self) -> list[str]:
        """The printed report."""
        total = len(self.items)
        head = f"newscrawl check-live: {self.site.key} ({self.site.base_url}) {self.day}"
        out = [f"{head}: {total} article(s)", f"{'field':<16} coverage"]
        for name, count in self.coverage.items():
            share = f"{count / total:.0%}" if total else "-"
            out.append(f"{name:<16} {count}/{total} {share}")
        if self.leaks:
            out.append("boilerplate left:")
            out += [f"  {phrase!r} ×{n} in {url}" for url, phrase, n in self.leaks]
        else:
            out.append("boilerplate left: none")
        problems = self.problems
        out.append("result: " + ("; ".join(problems) if problems else "ok"))
        return out


def unreachable_reason(stats: dict[str, Any]) -> str | None:
    """Why nothing was fetched, when nothing was: the download error the stats name."""
    if int(stats.get("response_received_count", 0) or 0) > 0:
        return None
    errors = Counter(
        {
            key[len(_EXCEPTION_STAT) :].rsplit(".", 1)[-1]: int(value or 0)
            for key, value in stats.items()
            if key.startswith(_EXCEPTION_STAT)
        }
    )
    if not errors:
        return None
    name = errors.most_common(1)[0][0]
    return _UNREACHABLE.get(name, name)


def check_settings(base: Any, articles: int) -> Any:
    """``base`` (the project settings) narrowed to one index page and ``articles`` articles."""
    settings = base.copy()
    settings.setdict(
        {
            "NEWSCRAWL_MAX_INDEX_PAGES": 1,
            "NEWSCRAWL_SITEMAPS": False,
            "CLOSESPIDER_ITEMCOUNT": articles,
            "NEWSCRAWL_STATE_ENABLED": False,
            "SPIDERMON_ENABLED": False,
            "FEEDS": {},
            "RETRY_TIMES": 1,
            "LOG_LEVEL": "ERROR",
            "LOG_FILE": None,
            "LOG_ENABLED": False,
            "LOG_INSTALL_ROOT_HANDLER": False,
        },
        priority="cmdline",
    )
    return settings


def run_check(base_settings: Any, site: Site, day: date, articles: int = 5) -> LiveReport:
    """Crawl ``day``'s first index page of ``site`` and its first ``articles`` articles.

    Raises ``SiteUnreachable`` when not one response came back.
    """
    from scrapy import signals
    from scrapy.crawler import AsyncCrawlerProcess

    report = LiveReport(site=site, day=day)
    process = AsyncCrawlerProcess(check_settings(base_settings, articles))
    crawler = process.create_crawler("tribun")

    def _scraped(item: Any) -> None:
        if len(report.items) < articles:
            report.items.append(ItemAdapter(item).asdict())

    crawler.signals.connect(_scraped, signal=signals.item_scraped, weak=False)
    # The crawl's own log lines are not the report (and logging's last-resort handler would
    # print its warnings): a handler that drops them while the crawl runs.
    silent = logging.NullHandler()
    logging.getLogger().addHandler(silent)
    try:
        process.crawl(crawler, site=site.key, since=day.isoformat(), until=day.isoformat())
        process.start()
    finally:
        logging.getLogger().removeHandler(silent)
    stats: dict[str, Any] = {}
    with contextlib.suppress(RuntimeError):
        stats = dict(crawler.stats.get_stats())
    reason = unreachable_reason(stats)
    if reason is not None:
        raise SiteUnreachable(f"cannot reach {site.base_url} ({reason}); offline?")
    for item in report.items:
        for phrase, n in sorted(leaked_phrases(item.get("body")).items()):
            report.leaks.append((str(item.get("url")), phrase, n))
    return report


def today_at(site: Site, now: datetime | None = None) -> date:
    """Today's date in the site's own zone (WIB, WITA or WIT)."""
    return (now or datetime.now(site.tz)).astimezone(site.tz).date()
