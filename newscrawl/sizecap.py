"""Count the pages refused for their size, so a run that lost them says so.

``DOWNLOAD_MAXSIZE`` (newscrawl/settings.py) is enforced by Scrapy in two places: the download
handler cancels a body larger than the cap (announced by ``Content-Length`` or streamed past it)
and ``HttpCompressionMiddleware`` stops inflating a compressed body (a gzip bomb) at the cap.
Both only log a WARNING. :class:`SizeCapMiddleware` is Scrapy's compression middleware plus a
count of both cases in ``newscrawl/download/too_large``, which the nightly report turns into a
failure: a refused page is a lost page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest

if TYPE_CHECKING:
    from scrapy.http import Request, Response

TOO_LARGE_STAT = "newscrawl/download/too_large"
"""Responses refused because their body (inflated or not) exceeded ``DOWNLOAD_MAXSIZE``."""

# Scrapy 2.19's HTTP/1.1 handler says "... larger than download max size (N) in request ..."
# when Content-Length announces too much; a body streamed past the cap is cancelled and
# arrives as a DownloadCancelledError without a message (other cancellations, such as
# timeouts, have their own exceptions).
_MAXSIZE_MESSAGE = "download max size"


class SizeCapMiddleware(HttpCompressionMiddleware):
    """Scrapy's ``HttpCompressionMiddleware`` that also counts bodies refused for their size."""

    def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest:  # the only one it raises: inflating went past DOWNLOAD_MAXSIZE
            self._count(request)
            raise

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, DownloadCancelledError):
            message = str(exception)
            if not message or _MAXSIZE_MESSAGE in message:
                self._count(request)

    def _count(self, request: Request) -> None:
        # Scrapy has logged the WARNING with the sizes; this makes it a number the report reads.
        if self.stats is not None:
            self.stats.inc_value(TOO_LARGE_STAT)
