"""Log lines that fit a nightly log: a dropped item is named by its reason, not dumped whole."""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


class NewscrawlLogFormatter(LogFormatter):
    """Scrapy's formatter, but drops are one line: ``Dropped (OutOfWindow): published …``."""

    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped (%(reason)s): %(exception)s"
        result["args"] = {"reason": type(exception).__name__, "exception": exception}
        return result
