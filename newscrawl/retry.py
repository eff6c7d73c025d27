"""Retries that wait as long as the site asks: ``Retry-After`` on 429 and 503 is honoured.

Scrapy's ``RetryMiddleware`` retries a 429/503 at once, so a CDN shedding load for a few seconds
sees every retry inside its window and the page is lost after ``RETRY_TIMES``. This subclass, in
the same slot, waits what ``Retry-After`` says (seconds or an HTTP date) before handing back the
retry request, without blocking the reactor (an awaited sleep; other requests go on). The wait
is capped at ``NEWSCRAWL_MAX_RETRY_AFTER`` seconds: a site answering "come back in an hour" must
not park a nightly run. Waits are counted in ``newscrawl/retry/after_waited`` (and the seconds
in ``newscrawl/retry/after_seconds``), capped ones also in ``newscrawl/retry/after_capped``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Self

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from newscrawl import settings as defaults

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

WAITED_STAT = "newscrawl/retry/after_waited"
WAITED_SECONDS_STAT = "newscrawl/retry/after_seconds"
CAPPED_STAT = "newscrawl/retry/after_capped"
# Statuses whose Retry-After means "retry later" (RFC 9110 §10.2.3); on a 3xx it means another
# thing and is not a retry.
RETRY_AFTER_STATUSES = (429, 503)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header value asks to wait, or None if absent or unreadable.

    Either delay-seconds (``"120"``) or an HTTP date; a date in the past means no wait (0).
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retry, but a 429/503 retry first waits its ``Retry-After`` (capped)."""

    max_wait: float = defaults.NEWSCRAWL_MAX_RETRY_AFTER

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        middleware.max_wait = crawler.settings.getfloat(
            "NEWSCRAWL_MAX_RETRY_AFTER", defaults.NEWSCRAWL_MAX_RETRY_AFTER
        )
        return middleware

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:  # retries used up: Scrapy has logged "Gave up retrying"
            return response
        if response.status in RETRY_AFTER_STATUSES:
            asked = retry_after_seconds(response.headers.get("Retry-After"))
            if asked:
                await self._wait(request, asked)
        return retry

    async def _wait(self, request: Request, asked: float) -> None:
        wait = min(asked, self.max_wait)
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value(WAITED_STAT)
        stats.inc_value(WAITED_SECONDS_STAT, round(wait))
        if wait < asked:
            stats.inc_value(CAPPED_STAT)
            logger.warning(
                "%s asks to retry after %d s; waiting %d s (NEWSCRAWL_MAX_RETRY_AFTER)",
                request.url,
                asked,
                wait,
            )
        await sleep(wait)
