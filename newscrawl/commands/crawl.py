"""``scrapy crawl`` whose exit code tells the truth, with usage errors as one line (exit 2).

Before crawling: spider arguments (names and values, newscrawl/params.py) and local feed files
(``-o``/``-O``: the target is not a directory, its nearest existing folder is writable) are
checked, so a typo costs one line instead of a whole crawl whose output is then thrown away.
After crawling: a feed that could not be written (Scrapy's ``feedexport/failed_count/…`` or
newscrawl/feeds.py's ``newscrawl/feeds/failed``) makes the exit code 1, as does a crawl that
could not start; plain Scrapy exits 0 in both cases. So does a crawl that lost pages (failed
after retries, refused over the size cap, lost to redirects) or wrote an article partial
(newscrawl/losses.py): everything it could write is written, one line on stderr says what was
lost, and the exit code is 1. An article the site answers 404/410 for is gone, not lost.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.spiderloader import get_spider_loader
from w3lib.url import file_uri_to_path

from newscrawl.distributed import MISSING_EXTRA, REDIS_BUSY, redis_extra_installed
from newscrawl.feeds import FEED_FAILED_STAT, FEED_ITEM_ERRORS_STAT, scrapy_feed_failures
from newscrawl.losses import loss_summary
from newscrawl.params import DEFAULT_MAX_WINDOW_DAYS, MAX_WINDOW_SETTING


def local_feed_path(uri: str) -> Path | None:
    """The file a feed URI writes to when it is local and not templated, else None."""
    if "%(" in uri:  # %(time)s and friends are filled in at run time
        return None
    scheme = urlsplit(uri).scheme
    if scheme == "file":
        return Path(file_uri_to_path(uri))
    if scheme == "" or (len(scheme) == 1 and os.name == "nt"):  # a bare path (C:\ on Windows)
        return Path(uri)
    return None


def feed_target_problem(path: Path) -> str | None:
    """Why ``path`` cannot become a feed file, or None if it looks writable.

    The folder is tried for real (a temporary file): ``os.access`` says yes to root even on
    /proc, and the atomic feed storage writes a ``.part`` file next to the target anyway.
    """
    if path.is_dir():
        return "it is a directory"
    if path.exists() and not path.is_file():  # /dev/stdout, a pipe: opened as they are
        return None if os.access(path, os.W_OK) else "it is not writable"
    folder = path.parent
    while not folder.exists():  # the feed storage creates missing folders
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a directory"
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"folder {folder} is not writable ({exc.strerror or exc})"
    if path.exists() and not os.access(path, os.W_OK):
        return "it is not writable"
    return None


def feed_problems(stats: Mapping[str, Any]) -> str | None:
    """What went wrong writing the feeds, from the crawl's stats, or None if nothing did.

    Feeds that failed: Scrapy's count of failed stores or newscrawl's own (the larger, as one
    failure may be counted by both); items an exporter refused (Scrapy still "stores" the feed).
    """
    stored = sum(scrapy_feed_failures(stats).values())
    feeds = max(stored, int(stats.get(FEED_FAILED_STAT, 0) or 0))
    items = int(stats.get(FEED_ITEM_ERRORS_STAT, 0) or 0)
    parts = [f"{feeds} feed(s) could not be written"] if feeds else []
    parts += [f"{items} item(s) could not be exported"] if items else []
    return "; ".join(parts) if parts else None


def _usage_error(message: str) -> NoReturn:
    """One line on stderr, exit 2: before Scrapy sets up logging, so nothing else is printed."""
    print(f"scrapy crawl: error: {message}", file=sys.stderr)
    raise SystemExit(2)


class Command(ScrapyCrawlCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)  # fills opts.spargs and the FEEDS setting
        assert self.settings is not None
        if len(args) != 1:
            return  # Scrapy's own usage error follows in run()
        try:
            spidercls = get_spider_loader(self.settings).load(args[0])
        except KeyError:
            return  # Scrapy reports an unknown spider itself
        validate = getattr(spidercls, "validate_arguments", None)
        if validate is not None:
            max_days = self.settings.getint(MAX_WINDOW_SETTING, DEFAULT_MAX_WINDOW_DAYS)
            try:
                validate(max_window_days=max_days, **opts.spargs)
            except ValueError as exc:
                _usage_error(str(exc))
        if self.settings.get("REDIS_URL") and not redis_extra_installed():
            _usage_error(MISSING_EXTRA)
        for uri in self.settings.getdict("FEEDS"):
            path = local_feed_path(str(uri))
            problem = feed_target_problem(path) if path is not None else None
            if problem:
                _usage_error(f"cannot write feed {uri}: {problem}")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            super().run(args, opts)
            return
        assert self.crawler_process is not None
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        stats = crawler.stats.get_stats()
        problems = feed_problems(stats)
        if problems:
            print(f"scrapy crawl: {problems} (see the ERROR lines above)", file=sys.stderr)
            self.exitcode = 1
        if stats.get("finish_reason") == REDIS_BUSY:
            print(
                "scrapy crawl: another crawl with other arguments is using this Redis database"
                " (see the ERROR line above); nothing was crawled",
                file=sys.stderr,
            )
            self.exitcode = 1  # the crawl could not start, as when the check at start-up refuses
            return
        if stats.get("finish_reason") == "shutdown":
            resume = (
                "the same command resumes it from JOBDIR"
                if crawler.settings.get("JOBDIR")
                else "give -s JOBDIR=<dir> to make a crawl resumable"
            )
            print(
                f"scrapy crawl: interrupted before the end: the output holds only what was"
                f" finished; {resume}",
                file=sys.stderr,
            )
            self.exitcode = 1
        lost = loss_summary(stats)
        if lost:
            print(
                f"scrapy crawl: {lost} (see the WARNING lines and the newscrawl/… stats)",
                file=sys.stderr,
            )
            self.exitcode = 1
