"""scrapy-redis's scheduler for Scrapy 2.19, used when ``REDIS_URL`` is set (newscrawl/distributed.py).

scrapy-redis 0.9.1's ``Scheduler`` passes ``spider=`` to ``StatsCollector.inc_value`` (deprecated
since Scrapy 2.14) and logs a resumed queue through ``Spider.log`` (deprecated in 2.19); this
subclass does neither and is otherwise the same. Kept apart from :mod:`newscrawl.distributed`
so that a crawl without ``REDIS_URL`` never imports scrapy-redis or redis.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler

if TYPE_CHECKING:
    from scrapy import Spider

logger = logging.getLogger(__name__)


class RedisScheduler(Scheduler):
    """scrapy-redis's scheduler without the calls Scrapy 2.19 deprecates."""

    df: Any

    def open(self, spider: Spider) -> None:
        # As the base class, but a resumed queue is logged here, not through Spider.log.
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server,
            spider=spider,
            key=self.queue_key % {"spider": spider.name},
            serializer=self.serializer,
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()
        if pending := len(self.queue):
            logger.info("Joining a shared queue of %d requests (%s)", pending, self.queue.key)

    def enqueue_request(self, request: Any) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Any:
        request = self.queue.pop(self.idle_before_close)
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request
