"""``scrapy crawl`` that rejects bad spider arguments with a one-line usage error (exit 2).

Scrapy would otherwise build the spider inside the running crawl and print a traceback with
exit code 1; a user who mistyped a site key deserves one line naming the valid choices.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError


class Command(ScrapyCrawlCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1 and self.crawler_process is not None:
            spidercls = self.crawler_process.spider_loader.load(args[0])
            validate = getattr(spidercls, "validate_arguments", None)
            if validate is not None:
                try:
                    validate(**opts.spargs)
                except ValueError as exc:
                    raise UsageError(str(exc), print_help=False) from None
        super().run(args, opts)
