"""Distributed mode: any number of ``scrapy crawl tribun`` processes share one Redis queue.

Off unless the Scrapy setting ``REDIS_URL`` is given (``-s REDIS_URL=redis://host:6379/0``);
without it nothing here is loaded and scrapy-redis need not be installed (``pip install
'newscrawl[redis]'``). With it, :class:`RedisAddon` switches Scrapy's scheduler and dupefilter to
scrapy-redis's (queue ``tribun:requests``, a sorted set; fingerprints ``tribun:dupefilter``) and
adds the pieces scrapy-redis leaves to ``RedisSpider``, which our spider is not:

* **seeding once**: the first worker of a crawl claims ``tribun:run`` (``SET NX``, the crawl's
  sites, windows and sections) and schedules the spider's start requests; a worker that finds
  the same crawl there joins it without seeding; one that finds a *different* crawl stops with
  an error instead of mixing two windows in one queue.
* **closing when idle**: a worker stays up while the shared queue is empty, and closes once it
  has been empty (and the worker idle) for ``MAX_IDLE_TIME_BEFORE_CLOSE`` seconds (scrapy-redis's
  setting; :data:`DEFAULT_MAX_IDLE_TIME` when unset, because scrapy-redis's own default 0 means
  "never").
* **one item per article across workers**: the shared dupefilter keeps a URL from being fetched
  twice; :class:`RedisDedupePipeline` also keeps one canonical URL from being emitted twice when
  two different URLs lead to it (a redirect, an alias).
* **a clean end**: ``SCHEDULER_PERSIST`` is on, so a worker that is stopped (Ctrl-C) leaves the
  queue and fingerprints for the others and for a restart; the last worker of a crawl that
  finished with the queue empty deletes the crawl's keys, so the same command later starts anew.

Scrapy 2.19 notes (scrapy-redis 0.9.1): its ``RedisSpider`` still relies on
``start_requests()``, which Scrapy 2.16 removed (rmax/scrapy-redis#305), so it is not used; its
scheduler passes ``spider=`` to ``StatsCollector.inc_value`` and logs through ``Spider.log``,
both deprecated, which :class:`newscrawl.redis_scheduler.RedisScheduler` avoids. Nothing from
scrapy-redis or redis is imported unless ``REDIS_URL`` is set.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Self

import scrapy
from scrapy import signals
from scrapy.exceptions import (
    CloseSpider,
    DontCloseSpider,
    IgnoreRequest,
    NotConfigured,
    UsageError,
)
from scrapy.utils.asyncio import create_looping_call

from newscrawl.pipelines import DuplicateArticle

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

DEFAULT_MAX_IDLE_TIME = 30
"""Seconds a worker waits on an empty shared queue before it closes, when unset."""
HEARTBEAT_INTERVAL = 10.0
"""A busy worker refreshes its entry in ``<spider>:workers`` at most this often."""
STALE_WORKER = 120.0
"""A worker not heard of for this long is presumed dead (killed) when the last one cleans up."""
POLL_INTERVAL = 0.5
"""How often an idle worker looks at the shared queue."""
WAKE_URL = "data:,"
WAKE_META = "newscrawl_redis_wake"
RUN_KEY = "%(spider)s:run"
WORKERS_KEY = "%(spider)s:workers"
ITEMS_KEY = "%(spider)s:items"
REDIS_BUSY = "redis_busy"
"""Finish reason of a worker whose Redis already holds a crawl of other arguments."""
MISSING_EXTRA = "REDIS_URL is set but scrapy-redis is not installed: pip install 'newscrawl[redis]'"


def redis_extra_installed() -> bool:
    """True when the optional ``newscrawl[redis]`` extra (scrapy-redis) can be imported."""
    try:
        import scrapy_redis  # noqa: F401
    except ImportError:
        return False
    return True


def shares_a_queue(settings: BaseSettings) -> bool:
    """True when the crawl's queue is the shared Redis one (the setting ``REDIS_URL`` given)."""
    return bool(settings.get("REDIS_URL"))


class RedisAddon:
    """Switch the scheduler and dupefilter to Redis when ``REDIS_URL`` is set; else do nothing."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not shares_a_queue(settings):
            return
        if not redis_extra_installed():
            raise RuntimeError(MISSING_EXTRA)
        settings.set("SCHEDULER", "newscrawl.redis_scheduler.RedisScheduler", "addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", "addon")
        # Never flush the shared queue when one worker stops: RedisCoordinator cleans up.
        settings.set("SCHEDULER_PERSIST", True, "addon")
        if settings.get("MAX_IDLE_TIME_BEFORE_CLOSE") is None:
            settings.set("MAX_IDLE_TIME_BEFORE_CLOSE", DEFAULT_MAX_IDLE_TIME, "addon")
        settings["EXTENSIONS"]["newscrawl.distributed.RedisCoordinator"] = 0
        settings["SPIDER_MIDDLEWARES"]["newscrawl.distributed.RedisCoordinator"] = 0
        # After the per-process dedupe (500), before the incremental state (600).
        settings["ITEM_PIPELINES"]["newscrawl.distributed.RedisDedupePipeline"] = 550


def run_description(spider: Spider) -> dict[str, Any]:
    """What identifies one crawl: the spider and, for ``tribun``, its windows and sections."""
    windows = getattr(spider, "windows", None) or {}
    params = getattr(spider, "params", None)
    return {
        "spider": spider.name,
        "windows": {k: [str(d) for d in v] for k, v in sorted(windows.items())},
        "sections": list(getattr(params, "sections", ()) or ()),
    }


class RedisCoordinator:
    """Seeding once, closing when the shared queue stays empty, cleaning up after the last worker.

    An extension (signals) and a spider middleware (``process_start``) in one object, so that
    both see the same Redis connection and the same claim.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not shares_a_queue(settings):
            raise NotConfigured("REDIS_URL is not set")
        from scrapy_redis.connection import get_redis_from_settings

        self.crawler = crawler
        self.server = get_redis_from_settings(settings)
        self.max_idle = settings.getfloat("MAX_IDLE_TIME_BEFORE_CLOSE", DEFAULT_MAX_IDLE_TIME)
        self.worker = f"{socket.gethostname()}:{os.getpid()}"
        self.idle_since: float | None = None
        self.last_beat = 0.0
        self.keys: dict[str, str] = {}
        self.queue_key = ""
        self.poller: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        # Scrapy builds the extension and the spider middleware separately: share one instance.
        existing = getattr(crawler, "_newscrawl_redis_coordinator", None)
        if existing is not None:
            return existing
        coordinator = cls(crawler)
        coordinator.check_same_crawl()
        crawler._newscrawl_redis_coordinator = coordinator  # type: ignore[attr-defined]
        crawler.signals.connect(coordinator.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(coordinator.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(coordinator.response_received, signal=signals.response_received)
        crawler.signals.connect(coordinator.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(coordinator.request_scheduled, signal=signals.request_scheduled)
        return coordinator

    def check_same_crawl(self) -> None:
        """Refuse to join a crawl of other arguments (their windows would mix in one queue)."""
        spider = self.crawler.spider
        if spider is None:
            return
        found = self.server.get(RUN_KEY % {"spider": spider.name})
        if not found:
            return
        theirs = json.dumps(json.loads(found).get("run"), sort_keys=True)
        mine = json.dumps(run_description(spider), sort_keys=True)
        if theirs != mine:
            raise UsageError(
                f"another crawl is using this Redis ({RUN_KEY % {'spider': spider.name}} = "
                f"{theirs}, this one is {mine}): wait for it to end, or give this crawl "
                "another database (redis://host:6379/N)",
                print_help=False,
            )

    # --- lifecycle ----------------------------------------------------------------------------
    def spider_opened(self, spider: Spider) -> None:
        names = {"spider": spider.name}
        self.keys = {
            "run": RUN_KEY % names,
            "workers": WORKERS_KEY % names,
            "items": ITEMS_KEY % names,
        }
        settings = self.crawler.settings
        self.queue_key = settings.get("SCHEDULER_QUEUE_KEY", "%(spider)s:requests") % names
        self.dupefilter_key = settings.get("SCHEDULER_DUPEFILTER_KEY", "%(spider)s:dupefilter")
        self.dupefilter_key %= names
        self._beat()
        self.poller = create_looping_call(self._poll)
        self.poller.start(POLL_INTERVAL, now=False)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        """Schedule the start requests only in the worker that claims the crawl."""
        spider = self.crawler.spider
        assert spider is not None  # process_start runs for an open spider
        mine = json.dumps(run_description(spider), sort_keys=True)
        claim = json.dumps({"run": json.loads(mine), "seeded_by": self.worker, "at": time.time()})
        if self.server.set(self.keys["run"], claim, nx=True):
            logger.info("Redis crawl %s: seeding %s", self.keys["run"], mine)
            self.crawler.stats.set_value("newscrawl/redis/seeded", 1)
            async for request in start:
                yield request
            return
        found = json.loads(self.server.get(self.keys["run"]) or "{}")
        if json.dumps(found.get("run"), sort_keys=True) != mine:
            logger.error(
                "Another crawl is using this Redis (%s = %s, this one is %s): wait for it to "
                "end, or give this crawl another database (redis://host:6379/N)",
                self.keys["run"],
                json.dumps(found.get("run"), sort_keys=True),
                mine,
            )
            raise CloseSpider(REDIS_BUSY)
        logger.info("Redis crawl %s: joining (seeded by %s)", self.keys["run"], found["seeded_by"])
        self.crawler.stats.set_value("newscrawl/redis/joined", 1)

    def response_received(self) -> None:
        self.idle_since = None
        if time.monotonic() - self.last_beat >= HEARTBEAT_INTERVAL:
            self._beat()

    def _poll(self) -> None:
        """Watch the shared queue while this worker has room (Scrapy itself looks every 5 s)."""
        engine = self.crawler.engine
        if engine is None or engine.spider is None or engine.needs_backout():
            return
        now = time.monotonic()
        if now - self.last_beat >= HEARTBEAT_INTERVAL:
            self._beat()
        if self.server.zcard(self.queue_key) == 0:
            if self.idle_since is None:
                if engine.spider_is_idle():
                    self.idle_since = now
            elif now - self.idle_since >= self.max_idle and engine.spider_is_idle():
                # Empty for long enough: the engine checks idleness only every 5 s by itself,
                # so the worker would linger up to 5 s past MAX_IDLE_TIME_BEFORE_CLOSE.
                self._wake(engine)
            return
        self.idle_since = None
        self._wake(engine)  # other workers queued requests

    @staticmethod
    def _wake(engine: Any) -> None:
        """Make the engine look at its scheduler (and see whether it is idle) now.

        ``engine.crawl()`` is the public way; the marker request itself is dropped in
        ``request_scheduled``."""
        engine.crawl(scrapy.Request(WAKE_URL, meta={WAKE_META: True}, dont_filter=True))

    def request_scheduled(self, request: scrapy.Request) -> None:
        if request.meta.get(WAKE_META):
            raise IgnoreRequest

    def spider_idle(self) -> None:
        """Keep the worker up until the shared queue has been empty for the idle time."""
        self._beat()
        if self.server.zcard(self.queue_key) > 0:
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if self.max_idle <= 0 or now - self.idle_since < self.max_idle:
            raise DontCloseSpider
        logger.info("Shared queue %s empty for %.0f s: closing", self.queue_key, self.max_idle)

    def spider_closed(self, reason: str) -> None:
        """Leave the crawl; the last worker of a crawl that ran dry deletes its keys."""
        if self.poller is not None and self.poller.running:
            self.poller.stop()
        pipe = self.server.pipeline(transaction=True)
        pipe.zrem(self.keys["workers"], self.worker)
        pipe.zremrangebyscore(self.keys["workers"], "-inf", time.time() - STALE_WORKER)
        pipe.zcard(self.keys["workers"])
        pipe.zcard(self.queue_key)
        *_, workers_left, queued = pipe.execute()
        if reason == "finished" and workers_left == 0 and queued == 0:
            self.server.delete(
                self.keys["run"], self.keys["items"], self.keys["workers"], self.dupefilter_key
            )
            logger.info("Last worker of a finished crawl: deleted its Redis keys")
        elif queued:
            logger.info("%d requests left in %s for the other workers", queued, self.queue_key)

    def _beat(self) -> None:
        self.last_beat = time.monotonic()
        self.server.zadd(self.keys["workers"], {self.worker: time.time()})


class RedisDedupePipeline:
    """Emit each canonical URL once across every worker of a crawl (a Redis set)."""

    def __init__(self, crawler: Crawler) -> None:
        if not shares_a_queue(crawler.settings):
            raise NotConfigured("REDIS_URL is not set")
        from scrapy_redis.connection import get_redis_from_settings

        self.crawler = crawler
        self.server = get_redis_from_settings(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        spider = self.crawler.spider
        assert spider is not None  # items come from an open spider
        url = getattr(item, "url", None) or item.get("url")
        if url and not self.server.sadd(ITEMS_KEY % {"spider": spider.name}, url):
            self.crawler.stats.inc_value("newscrawl/dedupe/duplicates_other_worker")
            raise DuplicateArticle(f"already emitted by another worker: {url}")
        return item
