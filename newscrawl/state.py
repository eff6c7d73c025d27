"""Incremental state: which articles earlier runs exported, so a nightly run fetches only news.

One embedded SQLite database (stdlib ``sqlite3``; path ``NEWSCRAWL_STATE_PATH``, default
``<NEWSCRAWL_DATA_DIR>/state.sqlite3``) holds, per canonical URL, the content hash of title and
body, the revision last exported, the publication date, and when it was first and last seen.

- ``newscrawl.middlewares.SeenArticleMiddleware`` skips page 1 of articles already exported and
  published before the re-check window (``NEWSCRAWL_RECHECK_DAYS``).
- ``StatePipeline`` (after dedupe) gives each item its ``revision``: unseen → 1; same title and
  body as exported → dropped as ``UnchangedArticle``; changed → stored revision + 1 with
  ``modified_at`` set.

**State is written only after the items reached the feed.** The pipeline keeps the rows of the
items that were actually exported (``item_scraped``) in memory and writes them in one
transaction on ``feed_exporter_closed``, i.e. after every feed file was completely written and
moved into place (``newscrawl.feeds.AtomicFileFeedStorage``), and only when no feed failed to
store. A run killed before that leaves no state behind, so its articles are fetched again.

The one remaining window, a kill between a feed file being moved into place and the state
transaction, is closed by the ``runs``/``run_files`` tables: each run registers its output files
when they are opened, and a run that never committed is *recovered* when the database is next
opened — the rows are re-imported from those of its output files that exist. The output files
are the source of truth; the database is an index of them.

Stats: ``newscrawl/state/new``, ``updated``, ``unchanged``, ``skipped_seen``, ``rechecked``,
``committed``, ``recovered``; the close log line says how many were skipped and why.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.settings import BaseSettings

from newscrawl.feeds import feed_file_opened, scrapy_feed_failures
from newscrawl.statedb import (
    STATE_COMMITTED_STAT,
    STATE_FAILED_STAT,
    ExportedRow,
    StateDB,
    content_hash,
    state_path,
)

logger = logging.getLogger(__name__)


# --- the crawl's state: a Scrapy extension -----------------------------------------------------
class StateStore:
    """The state of one crawl: an extension (``EXTENSIONS``) the middleware and the pipeline
    reach with ``crawler.get_extension(StateStore)``; the database is opened on first use.

    ``NotConfigured`` when ``NEWSCRAWL_STATE_ENABLED`` is off (ad-hoc ``scrapy crawl`` runs).
    On opening: ``NEWSCRAWL_STATE_RESET`` forgets everything, a run killed mid-commit is
    recovered, and output files under ``NEWSCRAWL_DATA_DIR`` the state does not know are
    re-imported (``StateDB.import_unknown_files``; stat ``newscrawl/state/reimported``).
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.path = state_path(settings)
        self.data_dir = Path(settings.get("NEWSCRAWL_DATA_DIR") or "data")
        self.recheck = timedelta(days=settings.getfloat("NEWSCRAWL_RECHECK_DAYS", 2))
        self.reset_requested = settings.getbool("NEWSCRAWL_STATE_RESET")
        self.timeout = settings.getfloat("NEWSCRAWL_STATE_TIMEOUT", 30)
        self.run_id = settings.get("NEWSCRAWL_RUN_ID") or (
            f"{datetime.now(UTC).strftime('%Y%m%dT%H%M%S.%fZ')}-{os.getpid()}"
        )
        self._db: StateDB | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not state_enabled(crawler.settings):
            # Off by design for ad-hoc `scrapy crawl` runs: no message, or Scrapy would log a
            # "Disabled …" warning on every one of them.
            raise NotConfigured
        store = cls(crawler)
        crawler.signals.connect(store.close, signal=signals.engine_stopped)
        return store

    @property
    def db(self) -> StateDB:
        if self._db is None:
            db = StateDB(self.path, timeout=self.timeout)
            stats = self.crawler.stats
            if self.reset_requested:
                forgotten = db.reset(self.data_dir)
                stats.set_value("newscrawl/state/reset", forgotten)
                logger.warning("State reset: forgot %d article(s) in %s", forgotten, self.path)
            recovered = db.recover(exclude=self.run_id)
            if recovered:
                stats.inc_value("newscrawl/state/recovered", recovered)
            files, rows = db.import_unknown_files(self.data_dir)
            if files:
                stats.set_value("newscrawl/state/reimported", rows)
                logger.warning(
                    "State %s%s had no record of %d output file(s) under %s: re-imported %d "
                    "article line(s) from them, so those articles are not exported again",
                    self.path,
                    " was empty (0 bytes) and" if db.was_empty else "",
                    len(files),
                    self.data_dir,
                    rows,
                )
            db.start_run(self.run_id)
            self._db = db
        return self._db

    def cutoff(self, now: datetime | None = None) -> datetime:
        """Articles published before this instant are not re-checked."""
        return (now or datetime.now(UTC)) - self.recheck

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def state_enabled(settings: BaseSettings) -> bool:
    return settings.getbool("NEWSCRAWL_STATE_ENABLED")


def store_for(crawler: Crawler) -> StateStore:
    """The crawler's ``StateStore`` extension (state must be enabled)."""
    store = crawler.get_extension(StateStore)
    if store is None:
        raise RuntimeError(
            "NEWSCRAWL_STATE_ENABLED is on but the newscrawl.state.StateStore extension is "
            "not enabled in EXTENSIONS"
        )
    return store


# --- pipeline ---------------------------------------------------------------------------------
class UnchangedArticle(DropItem):
    """Exported by an earlier run with the same title and body: nothing new to export."""


class StatePipeline:
    """Number revisions against the state and record exported items once the feed is closed."""

    def __init__(self, crawler: Crawler, store: StateStore) -> None:
        self.crawler = crawler
        self.store = store
        self.pending: dict[str, ExportedRow] = {}
        self.exported: dict[str, ExportedRow] = {}
        self.unchanged: set[str] = set()
        self.feeds_configured = bool(crawler.settings.getdict("FEEDS"))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not state_enabled(crawler.settings):
            # Off by design for ad-hoc `scrapy crawl` runs: no message, or Scrapy would log a
            # "Disabled …" warning on every one of them.
            raise NotConfigured
        pipeline = cls(crawler, store_for(crawler))
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.feed_exporter_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(pipeline.feed_file_opened, signal=feed_file_opened)
        return pipeline

    def open_spider(self) -> None:
        db = self.store.db
        logger.info(
            "Incremental state %s: %d article(s) known; re-checking those published in the last %s",
            self.store.path,
            db.count(),
            self.store.recheck,
        )
        if not self.feeds_configured:
            logger.warning(
                "Incremental state is on but no FEEDS are configured: nothing reaches a feed, "
                "so nothing will be recorded as exported"
            )

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url = adapter["url"]
        digest = content_hash(adapter.get("title"), adapter.get("body"))
        known = self.store.db.lookup(url)
        if known is None:
            revision = 1
            self.crawler.stats.inc_value("newscrawl/state/new")
        elif known.content_hash == digest:
            self.unchanged.add(url)
            self.crawler.stats.inc_value("newscrawl/state/unchanged")
            raise UnchangedArticle(
                f"unchanged since revision {known.revision}: {url}", log_level="DEBUG"
            )
        else:
            revision = known.revision + 1
            adapter["modified_at"] = adapter.get("modified_at") or adapter.get("crawled_at")
            self.crawler.stats.inc_value("newscrawl/state/updated")
            logger.info("Changed since revision %d: %s", known.revision, url)
        adapter["revision"] = revision
        self.pending[url] = ExportedRow(
            url=url,
            site=adapter.get("site"),
            content_hash=digest,
            revision=revision,
            published_at=adapter.get("published_at"),
        )
        return item

    def item_scraped(self, item: Any) -> None:
        url = str(ItemAdapter(item).get("url"))
        row = self.pending.pop(url, None)
        if row is not None:
            self.exported[url] = row

    def feed_file_opened(self, path: str) -> None:
        self.store.db.register_file(self.store.run_id, path)

    def _failed(self, reason: str) -> None:
        """The state was not updated: the reason goes to the stats (health) and the log."""
        self.crawler.stats.set_value(STATE_FAILED_STAT, reason)
        logger.error("%s", reason[0].upper() + reason[1:])

    def feed_exporter_closed(self) -> None:
        """Commit the run's rows now that every feed file is in place (or say why not).

        The outcome is a stat the health monitors read (``newscrawl.monitors``, run when the
        engine stops, i.e. after this): ``newscrawl/state/committed`` (rows written) on
        success, else ``newscrawl/state/failed`` with the reason, which makes the run unhealthy.
        """
        stats = self.crawler.stats
        failed = scrapy_feed_failures(stats.get_stats())
        try:
            db = self.store.db
            if failed:
                db.abandon_run(self.store.run_id)
                self._failed(
                    f"a feed could not be stored ({', '.join(f'{k}={v}' for k, v in failed.items())})"
                    f": state not updated; these {len(self.exported)} article(s) will be fetched "
                    "again next run"
                )
                return
            written = db.commit_run(self.store.run_id, self.exported.values(), self.unchanged)
        except (sqlite3.Error, OSError) as exc:
            self._failed(
                f"state commit to {self.store.path} failed ({type(exc).__name__}: {exc}); "
                f"the {len(self.exported)} article(s) written this run are in the output files "
                "and are re-imported from them by the next run"
            )
            return
        stats.set_value(STATE_COMMITTED_STAT, written)
        logger.info("State: recorded %d exported article(s) in %s", written, self.store.path)
