"""The floor a crawler of the same pages cannot beat: fetch a list of URLs, optionally parse each.

Run outside the project directory so that none of newscrawl's settings, pipelines or extensions
load (``bench/bench_crawl.py`` does this)::

    scrapy runspider bench/floor_spider.py -a urls=URLS.txt -a parse=1

Every URL is requested once, as listed (``dont_filter``, no redirects followed, no retries,
every status handled), so it fetches exactly what the ``tribun`` crawl fetched. With ``parse=1``
each text response's selector is built (``response.selector``: one lxml parse, what every page a
crawler reads costs at least); with ``parse=0`` nothing is done with the body.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response, TextResponse


class FloorSpider(scrapy.Spider):
    """Fetch the URLs of a file; ``parse=1`` also builds each text response's selector."""

    name = "floor"
    custom_settings: ClassVar[dict[str, Any]] = {
        "ROBOTSTXT_OBEY": False,
        "REDIRECT_ENABLED": False,
        "RETRY_ENABLED": False,
        "HTTPERROR_ALLOW_ALL": True,
        "TELNETCONSOLE_ENABLED": False,
    }

    def __init__(self, urls: str, parse: str = "1", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls_file = Path(urls)
        self.do_parse = parse not in ("0", "", "false", "no")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        with self.urls_file.open(encoding="utf-8") as lines:
            for line in lines:
                url = line.strip()
                if url:
                    yield scrapy.Request(url, callback=self.parse_page, dont_filter=True)

    def parse_page(self, response: Response) -> None:
        """Touch the selector (one parse) or nothing at all."""
        if self.do_parse and isinstance(response, TextResponse):
            _ = response.selector.root
