"""Downloader middleware: skip article pages that earlier runs already exported.

Only page 1 of an article (``meta["newscrawl_role"] == "article"``) is ever skipped; listing
pages (no role) and later pages of a story (``"article_page"``) always go through, so discovery
sees the site as it is now and a story being assembled is never cut short.

An article is skipped when the state (``newscrawl.state``) says it was exported and it was
published before the re-check window (``NEWSCRAWL_RECHECK_DAYS``, default 2 days; measured from
``published_at``, else from when it was first seen). Younger articles are fetched again so that
corrections show up as a new revision. Counted as ``newscrawl/state/skipped_seen`` and
``newscrawl/state/rechecked``; one summary line is logged when the spider closes.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured

from newscrawl.spiders.tribun import ROLE_META
from newscrawl.state import StateStore, state_enabled, store_for

logger = logging.getLogger(__name__)


class AlreadyExported(IgnoreRequest):
    """The article was exported by an earlier run and is older than the re-check window."""


class SeenArticleMiddleware:
    """Raise ``AlreadyExported`` for page-1 article requests the state has already exported."""

    def __init__(self, crawler: Crawler, store: StateStore) -> None:
        self.crawler = crawler
        self.store = store
        self.cutoff = store.cutoff()
        self.skipped = 0
        self.rechecked = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not state_enabled(crawler.settings):
            # Off by design for ad-hoc `scrapy crawl` runs: no message, or Scrapy would log a
            # "Disabled …" warning on every one of them.
            raise NotConfigured
        middleware = cls(crawler, store_for(crawler))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self) -> None:
        self.cutoff = self.store.cutoff(datetime.now(UTC))

    def process_request(self, request: Request) -> None:
        if request.meta.get(ROLE_META) != "article":
            return
        known = self.store.db.lookup(request.url)
        if known is None:
            return
        reference = known.reference_time()
        if reference is not None and reference >= self.cutoff:
            self.rechecked += 1
            self.crawler.stats.inc_value("newscrawl/state/rechecked")
            return
        self.skipped += 1
        self.crawler.stats.inc_value("newscrawl/state/skipped_seen")
        raise AlreadyExported(
            f"exported as revision {known.revision}, published {known.published_at}, "
            f"before the re-check cutoff {self.cutoff.isoformat()}: {request.url}"
        )

    def spider_closed(self) -> None:
        if not (self.skipped or self.rechecked):
            return
        logger.info(
            "State: skipped %d article page(s) already exported and published before %s "
            "(outside the %s re-check window); re-fetched %d exported article(s) inside it",
            self.skipped,
            self.cutoff.replace(microsecond=0).isoformat(),
            self.store.recheck,
            self.rechecked,
        )
