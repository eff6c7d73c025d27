"""Feed storage and filters for per-run output files that a crash can never corrupt.

``AtomicFileFeedStorage`` replaces Scrapy's ``FileFeedStorage`` for local paths (registered in
``FEED_STORAGES`` for ``""`` and ``file``). It writes to a hidden ``.<name>.part`` file in the
same directory and, in ``store()`` (called by the feed exporter once the exporter has written
its last byte and any post-processing such as gzip has been flushed), fsyncs it and atomically
``os.replace``-s it to the final name. A run killed at any moment therefore leaves either the
complete file or only a ``.part`` file, never a truncated output file; ``newscrawl nightly``
deletes stale ``.part`` files once it holds its lock.

Scrapy's ``FileFeedStorage`` opens the final path itself ("wb" with ``overwrite``, "ab"
otherwise) and only closes it in ``store()``; ``BlockingFeedStorage`` writes to a temporary file
in ``FEED_TEMPDIR`` and uploads it in a thread, which suits remote storages, not a rename. So
this class keeps ``FileFeedStorage``'s option handling and replaces ``open``/``store``. Append
mode (``overwrite: False``, ``-o``) keeps its meaning: the existing file is copied into the
``.part`` first, then the new items are appended, then the copy replaces the original.

A feed that cannot be written (read-only or missing folder, full disk, a device that refuses
writes) is logged once at ERROR and counted in ``newscrawl/feeds/failed``; later writes to it are
dropped instead of raising once per item (a full disk used to print thousands of tracebacks),
and ``store()`` then raises :class:`FeedWriteError`, so Scrapy counts
``feedexport/failed_count/…`` and newscrawl's ``scrapy crawl`` exits 1. ``CheckedFeedExporter``
does the same for an item an exporter cannot serialise: logged once, counted in
``newscrawl/feeds/item_errors``.

``SiteItemFilter`` lets one ``FEEDS`` entry per site collect only that site's items
(``"item_filter": "newscrawl.feeds.SiteItemFilter", "newscrawl_site": "solo"``).
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self, cast

from itemadapter import ItemAdapter
from scrapy.extensions.feedexport import FeedExporter, FileFeedStorage, ItemFilter

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

feed_file_opened = object()
"""Signal sent when a local feed file is opened for writing: ``path`` is its final name."""

PART_SUFFIX = ".part"
FEED_FAILED_STAT = "newscrawl/feeds/failed"
"""Feed files that could not be written (each logged once at ERROR)."""
FEED_ITEM_ERRORS_STAT = "newscrawl/feeds/item_errors"
"""Items a feed exporter could not write (logged once at ERROR, then at DEBUG)."""
SCRAPY_FEED_FAILED_PREFIX = "feedexport/failed_count/"
"""Scrapy's count of feeds that failed to store, one key per storage class."""


def scrapy_feed_failures(stats: Mapping[str, Any]) -> dict[str, int]:
    """Scrapy's failed feed stores by stat key (``feedexport/failed_count/<storage>``)."""
    return {k: int(v) for k, v in stats.items() if k.startswith(SCRAPY_FEED_FAILED_PREFIX) and v}


class FeedWriteError(OSError):
    """A feed file was not (completely) written; raised by ``store()`` so Scrapy counts it."""


class _GuardedFile:
    """A feed file whose first write error is reported once; later writes are dropped.

    Everything else (``closed``, ``seekable`` … that exporters and gzip post-processing use)
    is the real file's.
    """

    def __init__(self, file: IO[bytes], on_error: Any) -> None:
        self._file = file
        self._on_error = on_error
        self.failed = False

    def write(self, data: bytes) -> int:
        if not self.failed:
            try:
                return self._file.write(data)
            except OSError as exc:
                self._fail(exc)
        return len(data)

    def flush(self) -> None:
        if not self.failed:
            try:
                self._file.flush()
            except OSError as exc:
                self._fail(exc)

    def close(self) -> None:
        try:
            self._file.close()  # a buffered file flushes here: may still fail
        except OSError as exc:
            if not self.failed:
                self._fail(exc)

    def _fail(self, exc: OSError) -> None:
        self.failed = True
        self._on_error(exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def part_path(final: Path) -> Path:
    """The hidden temporary name a feed file is written under: ``.<name>.part``."""
    return final.with_name(f".{final.name}{PART_SUFFIX}")


def remove_stale_parts(root: Path) -> list[Path]:
    """Delete ``.*.part`` files under ``root`` (left by killed runs); return what was removed.

    Only call this while holding the run lock: a running crawl's ``.part`` is not stale.
    """
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for path in root.rglob(f".*{PART_SUFFIX}"):
        if path.is_file():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def open_feed_file(path: Path) -> IO[bytes]:
    """Open a JSON Lines output file for reading, gzip-compressed or not (by its name)."""
    if path.name.endswith(".gz"):
        return cast("IO[bytes]", gzip.open(path, "rb"))
    return path.open("rb")


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not every platform lets a directory be opened.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class AtomicFileFeedStorage(FileFeedStorage):
    """Local feed file written under a temporary name and renamed into place when complete."""

    def __init__(
        self,
        uri: str,
        *,
        feed_options: dict[str, Any] | None = None,
        crawler: Crawler | None = None,
    ) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler
        given = Path(self.path)
        # /dev/stdout, a named pipe …: nothing to rename, write straight through as Scrapy does.
        self.atomic = not (given.exists() and not given.is_file())
        # A symbolic link is followed: the file it points at is replaced, the link stays a link.
        self.final_path = (
            Path(os.path.realpath(given)) if self.atomic and given.is_symlink() else given
        )
        self.part_path = part_path(self.final_path)
        self.stored = False
        self.failure: OSError | None = None

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Self:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def _failed(self, exc: OSError) -> None:
        """The first error writing this feed: log it once, count it; the items are lost."""
        if self.failure is not None:
            return
        self.failure = exc
        if self.crawler is not None:
            self.crawler.stats.inc_value(FEED_FAILED_STAT)
        logger.error(
            "Cannot write feed %s: %s; its items are lost and the run will exit non-zero",
            self.final_path,
            exc,
        )

    def open(self, spider: Spider) -> IO[bytes]:
        try:
            file = self._open(spider)
        except OSError as exc:
            self._failed(exc)
            # Items keep flowing to the other feeds and the stats; this one's go nowhere.
            file = Path(os.devnull).open("wb")  # noqa: SIM115 - closed by store()
        return cast("IO[bytes]", _GuardedFile(file, self._failed))

    def _open(self, spider: Spider) -> IO[bytes]:
        if not self.atomic:
            return super().open(spider)
        self.final_path.parent.mkdir(parents=True, exist_ok=True)
        if self.write_mode == "ab" and self.final_path.exists():
            shutil.copyfile(self.final_path, self.part_path)
        file = self.part_path.open(self.write_mode)
        if self.crawler is not None:
            self.crawler.signals.send_catch_log(feed_file_opened, path=str(self.final_path))
        return file

    def store(self, file: IO[bytes]) -> None:
        if self.failure is None:
            try:
                self._store(file)
            except OSError as exc:
                self._failed(exc)
        if self.failure is not None:
            with contextlib.suppress(OSError):
                file.close()
            if self.atomic:
                with contextlib.suppress(OSError):
                    self.part_path.unlink()  # nothing half-written left; frees a full disk
            raise FeedWriteError(f"{self.final_path} was not written: {self.failure}")

    def _store(self, file: IO[bytes]) -> None:
        if not self.atomic:
            super().store(file)
            if self.failure is None:
                self.stored = True
            return
        if not file.closed:
            file.flush()
            os.fsync(file.fileno())
            file.close()
        else:
            fd = os.open(self.part_path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        if self.failure is not None:
            return  # a write failed while closing: store() reports it
        self.part_path.replace(self.final_path)  # atomic rename (os.replace)
        _fsync_dir(self.final_path.parent)
        self.stored = True
        logger.debug("Feed file complete: %s", self.final_path)


class CheckedFeedExporter(FeedExporter):
    """Scrapy's feed exporter; an item a feed cannot take is counted and logged once.

    Scrapy logs a traceback per item from its signal dispatcher and the run still "succeeds";
    here the first failure is one ERROR line, the rest DEBUG, all counted for the exit code.
    """

    def item_scraped(self, item: Any, spider: Spider) -> None:
        try:
            super().item_scraped(item, spider)
        except Exception as exc:  # noqa: BLE001 - any exporter error: counted, logged once
            stats = self.crawler.stats
            first = not stats.get_value(FEED_ITEM_ERRORS_STAT)
            stats.inc_value(FEED_ITEM_ERRORS_STAT)
            logger.log(
                logging.ERROR if first else logging.DEBUG,
                "Could not export item %s: %s: %s (further ones are counted in %s)",
                ItemAdapter(item).get("url"),
                type(exc).__name__,
                exc,
                FEED_ITEM_ERRORS_STAT,
            )


class SiteItemFilter(ItemFilter):
    """Accept only items whose ``site`` is the feed option ``newscrawl_site`` (if set)."""

    def __init__(self, feed_options: dict[str, Any] | None) -> None:
        super().__init__(feed_options)
        self.site = (feed_options or {}).get("newscrawl_site")

    def accepts(self, item: Any) -> bool:
        if not super().accepts(item):
            return False
        return self.site is None or ItemAdapter(item).get("site") == self.site
