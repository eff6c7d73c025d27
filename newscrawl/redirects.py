"""Redirects that lose a page are counted and logged, not dropped at DEBUG.

Scrapy's ``RedirectMiddleware`` gives up on a page after ``REDIRECT_MAX_TIMES`` hops with only
a DEBUG line, and a redirect cycle (A → B → A) ends silently in the dupefilter, which drops
the second A as already seen. Either way an article is lost, so this subclass counts it
(``newscrawl/redirects/too_many``, ``newscrawl/redirects/loops``) and logs one WARNING naming
the page; a cycle is cut as soon as it closes instead of being left to the dupefilter.
"""

from __future__ import annotations

import logging

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

logger = logging.getLogger(__name__)


class CountedRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirect handling, plus a stat and a WARNING for every page it loses."""

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        try:
            result = super().process_response(request, response)
        except IgnoreRequest:  # the only reason here: REDIRECT_MAX_TIMES reached
            self._lost(request, "too_many", "too many redirects")
            raise
        if isinstance(result, Request) and result.url in result.meta.get("redirect_urls", ()):
            self._lost(result, "loops", "redirect loop")
            raise IgnoreRequest(f"redirect loop back to {result.url}")
        return result

    def _lost(self, request: Request, key: str, what: str) -> None:
        self.crawler.stats.inc_value(f"newscrawl/redirects/{key}")
        hops = request.meta.get("redirect_urls") or [request.url]
        logger.warning("Lost %s: %s after %d hops", hops[0], what, len(hops))
