"""Downloader middleware: a page declared in another charset but written in UTF-8 is read as UTF-8.

The network's pages are UTF-8; a header or ``<meta>`` that says
ISO-8859-1/windows-1252 over UTF-8 bytes would turn every "–" into "â€“" in the output, silently.
Bytes that decode as UTF-8 and are not plain ASCII are, in practice, never Latin-1 text, so such
a response is re-read as UTF-8, counted as ``newscrawl/encoding/declared_wrong`` and logged once
at WARNING (the first URL). Pages whose bytes are not valid UTF-8 keep their declared charset.
"""

from __future__ import annotations

import codecs
import logging
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse

logger = logging.getLogger(__name__)

DECLARED_WRONG_STAT = "newscrawl/encoding/declared_wrong"


def _is_utf8_text(body: bytes) -> bool:
    """True when ``body`` has non-ASCII bytes and all of it decodes strictly as UTF-8."""
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class Utf8BodyMiddleware:
    """Re-read as UTF-8 a text response whose declared charset is not UTF-8 but whose bytes are."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._warned = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse):
            return response
        declared = response.encoding
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = ""
        if name.startswith("utf") or not _is_utf8_text(response.body):
            return response
        self.crawler.stats.inc_value(DECLARED_WRONG_STAT)
        if not self._warned:
            self._warned = True
            logger.warning(
                "Page declared as %s is UTF-8, read as UTF-8 (counted as %s from now on): %s",
                declared,
                DECLARED_WRONG_STAT,
                response.url,
            )
        return response.replace(encoding="utf-8")
