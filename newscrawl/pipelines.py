"""Item pipelines, one concern each, in the order the data flows (see ``ITEM_PIPELINES``).

boilerplate → dates → window → validation → dedupe. Each drops with a ``DropItem`` subclass,
so ``item_dropped_reasons_count/<Class>`` appears in the stats, and counts its own events under
``newscrawl/<component>/<event>``.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newscrawl.boilerplate import clean_paragraphs, join_body, split_body
from newscrawl.dates import parse_date, to_iso
from newscrawl.items import ArticleItem
from newscrawl.sites import SITES

logger = logging.getLogger(__name__)


class NotAnArticle(DropItem):
    """The page had no title or no body: a gallery stub, a video or a non-article page."""


class OutOfWindow(DropItem):
    """Published outside the requested date window (the index lists neighbouring days too)."""


class MissingPublicationDate(DropItem):
    """No readable publication date: the window cannot be checked, so it is not emitted."""


class DuplicateArticle(DropItem):
    """The same canonical URL was already emitted in this run."""


class _Pipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def inc(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(key, count)


def _article(item: Any) -> ArticleItem:
    if isinstance(item, ArticleItem):
        return item
    return ArticleItem(**ItemAdapter(item).asdict())


def _normalise_body(item: ArticleItem) -> None:
    """Strip text-level boilerplate, move the reporter line out, count words."""
    paragraphs, reporter = clean_paragraphs(split_body(item.body))
    item.body = join_body(paragraphs)
    if reporter and not item.reporter:
        item.reporter = reporter
    item.word_count = len(item.body.split()) if item.body else 0


def _normalise_dates(item: ArticleItem) -> bool:
    """Turn ``published_raw``/``modified_at`` into ISO 8601 in the site's zone.

    Relative dates ("2 jam lalu") count from ``crawled_at``. Returns False when a
    publication date string was present but could not be read.
    """
    site = SITES.get(item.site) or SITES["www"]
    now = datetime.fromisoformat(item.crawled_at) if item.crawled_at else datetime.now(UTC)
    published = parse_date(item.published_raw, site.tz, now=now) if item.published_raw else None
    item.published_at = to_iso(published) if published else None
    if item.modified_at:
        modified = parse_date(item.modified_at, site.tz, now=now)
        item.modified_at = to_iso(modified) if modified else None
    return published is not None or not item.published_raw


class BoilerplatePipeline(_Pipeline):
    """Remove text-level boilerplate from the body and move the reporter credit out of it."""

    def process_item(self, item: Any) -> ArticleItem:
        article = _article(item)
        before = article.body
        _normalise_body(article)
        if before != article.body:
            self.inc("newscrawl/boilerplate/bodies_cleaned")
        if article.reporter:
            self.inc("newscrawl/boilerplate/reporter_lines")
        return article


class DatesPipeline(_Pipeline):
    """Normalise dates to ISO 8601 with the site's offset; count what could not be read."""

    def process_item(self, item: Any) -> ArticleItem:
        article = _article(item)
        if not _normalise_dates(article):
            self.inc("newscrawl/dates/unparsed")
            logger.warning("Unreadable date %r on %s", article.published_raw, article.url)
        return article


class DateWindowPipeline(_Pipeline):
    """Drop articles published outside the spider's window (local dates of the site)."""

    def process_item(self, item: Any) -> ArticleItem:
        article = _article(item)
        window_of = getattr(self.crawler.spider, "window_of", None)
        window = window_of(article.site) if window_of is not None else None
        if window is None:
            return article
        if not article.published_at:
            self.inc("newscrawl/window/no_date")
            raise MissingPublicationDate(f"no readable publication date on {article.url}")
        since, until = window
        tz = SITES[article.site].tz
        local_day = datetime.fromisoformat(article.published_at).astimezone(tz).date()
        if not since <= local_day <= until:
            self.inc("newscrawl/window/out_of_window")
            raise OutOfWindow(f"published {local_day}, window {since}..{until}: {article.url}")
        return article


class ValidationPipeline(_Pipeline):
    """Drop items that are not articles: no title, or neither text nor a picture.

    A photo story may have no paragraph at all (its caption is boilerplate, §1.7): with a
    title and a main image it is still an article, emitted with ``body`` null and counted.
    """

    def process_item(self, item: Any) -> ArticleItem:
        article = _article(item)
        if not article.title or not (article.body or article.image_url):
            missing = "title" if not article.title else "body and image"
            self.inc("newscrawl/validation/not_article")
            raise NotAnArticle(f"missing {missing}: {article.url}")
        if not article.body:
            self.inc("newscrawl/validation/no_body")
        if article.is_partial:
            self.inc("newscrawl/articles/partial")
        return article


# Key of the emitted URLs in ``spider.state``, which a ``-s JOBDIR=…`` crawl keeps on disk.
EMITTED_STATE_KEY = "newscrawl_emitted_urls"


def url_key(url: str) -> int:
    """A 64-bit digest of ``url``, what the per-run dedupe set holds instead of the URL: about
    90 bytes an article rather than 200, so a million-article backfill keeps ~110 MB less
    (issue 8). Two of a million URLs share a key with odds of about 3 in 100 million."""
    return int.from_bytes(hashlib.blake2b(url.encode("utf-8", "replace"), digest_size=8).digest())


class DedupePipeline(_Pipeline):
    """Emit each canonical URL once per run, whatever listing or URL form led to it.

    In a ``JOBDIR`` crawl the URLs emitted so far (their :func:`url_key`) live in
    ``spider.state``, which Scrapy saves when the crawl is paused: a resumed crawl does not emit
    again what it emitted before the pause, even when it reaches the article through another
    URL form. (A state saved by an older version holds the URLs themselves; both are read.)
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._seen: set[int | str] | None = None

    @property
    def seen(self) -> set[int | str]:
        if self._seen is None:
            state = getattr(self.crawler.spider, "state", None)
            if isinstance(state, dict):
                self._seen = state.setdefault(EMITTED_STATE_KEY, set())
            else:
                self._seen = set()
        return self._seen

    def process_item(self, item: Any) -> ArticleItem:
        article = _article(item)
        key = url_key(article.url)
        if key in self.seen or article.url in self.seen:
            self.inc("newscrawl/dedupe/duplicates")
            raise DuplicateArticle(f"already emitted: {article.url}")
        self.seen.add(key)
        return article
