"""The ``tribun`` spider: discovery and scheduling only; extraction lives in page objects.

Discovery (docs/site-structure.md §4): the date index ``/index-news?date=YYYY-MM-DD&page=N`` of
every site and date in the window (on www also the per-section indexes its section picker offers),
followed page by page until a page brings no new article link (the real site repeats its last page
past the end, §4.4); with ``sections``, also ``/index-news/{section}`` and the section's "latest"
list. Multi-page stories (§3) are walked page by page and merged into one item by
:mod:`newscrawl.story`.

Everything a request carries is plain data (a site key, a walk's bounded state, a story in
progress as a dict), so Scrapy's disk queues (``-s JOBDIR=…``) and a shared queue can hold it.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar, Concatenate, ParamSpec, Self, TypeVar

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newscrawl import settings as defaults
from newscrawl import urls
from newscrawl.dates import parse_date
from newscrawl.distributed import shares_a_queue
from newscrawl.items import ArticleItem
from newscrawl.losses import (
    ARTICLE_FAILED_STAT,
    GONE_STAT,
    LISTING_FAILED_STAT,
    PAGE_FAILED_STAT,
)
from newscrawl.pages.article import TribunArticlePage
from newscrawl.pages.listing import TribunListingPage
from newscrawl.pages.sitemap import TribunSitemapPage
from newscrawl.params import (
    DEFAULT_MAX_WINDOW_DAYS,
    MAX_WINDOW_SETTING,
    ParamsError,
    TribunParams,
    days,
)
from newscrawl.sites import SITES, Site
from newscrawl.story import MAX_STORY_PAGES, StoryDraft

# A listed article whose listing time is further than this outside the window is not fetched;
# the margin absorbs listings that print another zone's clock.
LISTING_MARGIN = timedelta(hours=3)
WIB_OFFSET = timedelta(hours=7)
_RELATIVE_TIME = re.compile(r"\blalu\b|\bkemarin\b|\bbaru saja\b|\bago\b", re.IGNORECASE)
# Consecutive-or-not failed pages after which an index walk gives up (a site that is down).
MAX_FAILED_INDEX_PAGES = 2
# The plain index-news of a busy site shows at most this many distinct pages (§4.4, [C1]).
CAPPED_INDEX_PAGES = 10
# ``sections=home`` walks the home page's "latest" list (it has no index-news of its own).
HOME_SECTION = "home"
# Nested sitemap indexes followed at most this deep (kaltara nests several levels, §7 [F20]).
MAX_SITEMAP_DEPTH = 3
# Article pages read per site, and those whose date came only from loose text (no date markup).
DATES_READ_STAT = "newscrawl/dates/pages"
DATES_FALLBACK_STAT = "newscrawl/dates/from_loose_text"
# Request meta keys other components read: what a request fetches, and the listing's time.
ROLE_META = "newscrawl_role"
LISTED_TIME_META = "newscrawl_listed_time"
# An article the site answers with one of these is gone (removed by the site), not lost.
GONE_STATUSES = (404, 410)

P = ParamSpec("P")
T = TypeVar("T")


def output_as_list(
    callback: Callable[Concatenate[Any, P], Iterator[T]],
) -> Callable[Concatenate[Any, P], list[T]]:
    """Run a generator callback to its end before Scrapy reads its output.

    A suspended generator keeps its frame, and so the page object and its lxml tree, alive
    until Scrapy has worked through everything it yields; with dozens of responses in the
    scraper at once those trees were the crawl's memory peaks (issue 8). The callback keeps its
    name (``functools.wraps``), so requests naming it still serialise for ``JOBDIR``."""

    @functools.wraps(callback)
    def run(self: Any, *args: P.args, **kwargs: P.kwargs) -> list[T]:
        return list(callback(self, *args, **kwargs))

    return run


def counted_elsewhere(failure: Failure) -> bool:
    """True for a failure that is not a lost page of its own or is counted where it happened:
    robots.txt, the already-exported skip, a redirect loop (IgnoreRequest) and a body refused
    over DOWNLOAD_MAXSIZE (IgnoreRequest or DownloadCancelledError, newscrawl/sizecap.py)."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return False
    return isinstance(exc, (IgnoreRequest, DownloadCancelledError))


def failure_reason(failure: Failure) -> str:
    """A short why for a log line: the HTTP status, else the error (its type if it has no text)."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return f"HTTP {exc.response.status}"
    return str(exc) or type(exc).__name__


@dataclass(slots=True)
class _IndexWalk:
    """One paginated listing being walked, carried from page to page as a plain dict.

    Its memory is bounded however long the walk: the links of the page before (articles it
    listed are not scheduled again; a page of nothing else is the site repeating its last page
    past the end, docs/site-structure.md §4.4) and a short digest of each page's links (a page
    equal to an earlier one ends the walk too). Scrapy's dupefilter catches any article listed
    twice further apart.
    """

    site: str
    """Site key."""
    label: str
    last_links: list[str] = field(default_factory=list)
    digests: list[str] = field(default_factory=list)
    failures: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``cb_kwargs``."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> _IndexWalk:
        return cls(
            site=data["site"],
            label=data["label"],
            last_links=list(data["last_links"]),
            digests=list(data["digests"]),
            failures=data["failures"],
        )


def _links_digest(links: set[str]) -> str:
    """A short, order-free fingerprint of a listing page's links."""
    return hashlib.blake2b("\n".join(sorted(links)).encode(), digest_size=8).hexdigest()


class TribunSpider(scrapy.Spider):
    """Crawl the Tribun Network's articles of a date window into merged ``ArticleItem``s."""

    name = "tribun"
    max_index_pages: int = defaults.NEWSCRAWL_MAX_INDEX_PAGES
    """NEWSCRAWL_MAX_INDEX_PAGES, set in ``from_crawler``."""
    use_sitemaps: bool = defaults.NEWSCRAWL_SITEMAPS
    """NEWSCRAWL_SITEMAPS, set in ``from_crawler``."""
    pace_start: bool = defaults.NEWSCRAWL_PACE_START
    """NEWSCRAWL_PACE_START, set in ``from_crawler``."""
    # Scrapy's OffsiteMiddleware keeps every request, redirects included, on the network.
    allowed_domains: ClassVar[list[str]] = ["tribunnews.com"]

    def __init__(
        self,
        site: str = "www",
        since: str | None = None,
        until: str | None = None,
        sections: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        # Names and the window's span are checked in from_crawler, which knows the settings.
        self.params = TribunParams.parse(site, since, until, sections, max_window_days=None)
        self.windows: dict[str, tuple[date, date]] = {
            s.key: self.params.window(s) for s in self.params.sites
        }
        self.allowed_hosts = {s.host for s in self.params.sites}
        self._section_walks: set[tuple[str, date, str]] = set()
        if "www" in {s.key for s in self.params.sites}:
            self.allowed_hosts.add("m.tribunnews.com")

    @classmethod
    def validate_arguments(
        cls, max_window_days: int | None = DEFAULT_MAX_WINDOW_DAYS, **kwargs: str
    ) -> None:
        """Raise ``ParamsError`` (a ValueError) for bad ``-a`` arguments, before any crawl."""
        TribunParams.from_arguments(kwargs, max_window_days=max_window_days)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        settings = crawler.settings
        try:
            cls.validate_arguments(
                settings.getint(MAX_WINDOW_SETTING, DEFAULT_MAX_WINDOW_DAYS), **kwargs
            )
            spider = super().from_crawler(crawler, *args, **kwargs)
        except ParamsError as exc:
            raise scrapy.exceptions.UsageError(str(exc)) from None
        spider.max_index_pages = settings.getint(
            "NEWSCRAWL_MAX_INDEX_PAGES", defaults.NEWSCRAWL_MAX_INDEX_PAGES
        )
        spider.use_sitemaps = settings.getbool("NEWSCRAWL_SITEMAPS", defaults.NEWSCRAWL_SITEMAPS)
        # A shared Redis queue is seeded at once: the workers that join must find all of it.
        spider.pace_start = settings.getbool(
            "NEWSCRAWL_PACE_START", defaults.NEWSCRAWL_PACE_START
        ) and not shares_a_queue(settings)
        return spider

    # --- discovery ----------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        """The window's index walks, sitemaps and section lists, fed as the queue drains.

        A year of 60 sites is tens of thousands of index walks; queued at once they would hold
        a request each in memory for the whole run (issue 8). So a start request is handed over
        only when Scrapy has room for it (Scrapy's lazy-start pattern: wait for the scheduler to
        empty while the downloader is full), and the sites take turns day by day, so every
        site's download slot has work. A shared Redis queue is seeded at once instead.
        """
        for site in self.params.sites:
            since, until = self.windows[site.key]
            self.logger.info(
                "Crawling %s (%s) from %s to %s", site.key, site.zone_name, since, until
            )
        walks = [self._site_start_requests(site) for site in self.params.sites]
        for turn in itertools.zip_longest(*walks):
            for request in turn:
                if request is None:
                    continue
                if self.pace_start and self.crawler.engine.needs_backout():
                    await self.crawler.signals.wait_for(signals.scheduler_empty)
                yield request

    def _site_start_requests(self, site: Site) -> Iterator[scrapy.Request]:
        """One site's start requests: its sitemap and section lists, then its days in order."""
        since, until = self.windows[site.key]
        if self.use_sitemaps:
            yield scrapy.Request(
                f"{site.base_url}/sitemap.xml",
                callback=self.parse_sitemap,
                cb_kwargs={"site": site.key, "depth": 0},
            )
        for section in self.params.sections:
            path = "/" if section == HOME_SECTION else f"/{section}"
            walk = _IndexWalk(site.key, path)
            yield scrapy.Request(
                f"{site.base_url}{path}",
                callback=self.parse_listing,
                cb_kwargs={"walk": walk.as_dict(), "page": 1, "paginate": False},
            )
        # East of WIB an index grouped by Jakarta's date lists the first hour(s) of a local day
        # under the day before; the listing times keep its other items unfetched.
        first_index_day = (
            since - timedelta(days=1) if site.tz.utcoffset(None) != WIB_OFFSET else since
        )
        for day in days(first_index_day, until):
            yield self._index_request(site, day, None)
            for section in self.params.sections:
                if section != HOME_SECTION:
                    yield self._index_request(site, day, section)

    def _index_request(self, site: Site, day: date, section: str | None) -> scrapy.Request:
        path = f"/index-news/{section}" if section else "/index-news"
        walk = _IndexWalk(site.key, f"{path}?date={day.isoformat()}")
        return scrapy.Request(
            f"{site.base_url}{path}?date={day.isoformat()}&page=1",
            callback=self.parse_listing,
            errback=self.listing_failed,
            cb_kwargs={
                "walk": walk.as_dict(),
                "page": 1,
                "paginate": True,
                "day": day.isoformat(),
                "section": section,
            },
        )

    def listing_failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        """An index page that still fails after retries: count it, then try the page after it,
        so one broken page does not hide the rest of the day (its own links are lost)."""
        request = failure.request  # type: ignore[attr-defined]
        kwargs = dict(request.cb_kwargs)
        page, walk = kwargs["page"], _IndexWalk.from_dict(kwargs["walk"])
        site = SITES[walk.site]
        response = getattr(failure.value, "response", None)
        if page > 1 and response is not None and response.status in (404, 410):
            # A site may answer "no such page" past the end instead of repeating the last one.
            self.crawler.stats.inc_value("newscrawl/discovery/index_ends_by_404")
            return
        self.crawler.stats.inc_value("newscrawl/discovery/listing_failed")
        if not counted_elsewhere(failure):
            self.crawler.stats.inc_value(LISTING_FAILED_STAT)
        self.logger.warning("Index page %s failed: %s", request.url, failure.value)
        if page == 1 and kwargs.get("day") is not None and kwargs.get("section") is None:
            # Page 1 also carries www's section picker: walk the known sections instead.
            day = date.fromisoformat(kwargs["day"])
            yield from self._section_index_requests(site, day, site.sections)
        if not kwargs.get("paginate") or page >= self.max_index_pages:
            return
        walk.failures += 1
        if walk.failures > MAX_FAILED_INDEX_PAGES:
            return
        kwargs["page"] = page + 1
        kwargs["walk"] = walk.as_dict()
        yield request.replace(url=urls.with_page(request.url, page + 1), cb_kwargs=kwargs)

    def _section_index_requests(
        self, site: Site, day: date, sections: Iterable[str]
    ) -> Iterator[scrapy.Request]:
        """Per-section index walks of one site and day, each scheduled once."""
        for section in sections:
            key = (site.key, day, section)
            if section in self.params.sections or key in self._section_walks:
                continue
            self._section_walks.add(key)
            yield self._index_request(site, day, section)

    @output_as_list
    def parse_listing(
        self,
        response: Response,
        walk: dict[str, Any],
        page: int,
        paginate: bool,
        day: str | None = None,
        section: str | None = None,
    ) -> Iterator[scrapy.Request]:
        """A listing page: schedule its new in-window articles, then its next page."""
        stats = self.crawler.stats
        state = _IndexWalk.from_dict(walk)
        site = SITES[state.site]
        stats.inc_value("newscrawl/discovery/listing_pages")
        if not self._is_text(response):
            return
        try:
            listing = TribunListingPage(response.text, response.url)
            listed = listing.articles()
        except Exception:  # a broken page is counted and logged, never fatal
            stats.inc_value("newscrawl/discovery/listing_errors")
            self.logger.exception("Could not read listing %s", response.url)
            return
        links = listing.item_links() | {a.url for a in listed}
        previous = set(state.last_links)
        digest = _links_digest(links)
        repeated = links <= previous or digest in state.digests
        for article in listed:
            if article.url in previous or repeated:
                continue
            request = self._article_request(site, article.url, article.listed_time)
            if request is not None:
                yield request
        if page == 1 and day is not None and section is None and site.key == "www":
            # www's plain index is capped; its section picker lists the per-section indexes.
            for option in listing.section_options():
                yield from self._section_index_requests(site, date.fromisoformat(day), [option])
        if not paginate:
            return
        if repeated:
            # Nothing this walk has not shown before: past the end, the site repeats its last
            # page (§4.4). A page of only videos or decoys is new, so the walk goes on.
            stats.inc_value("newscrawl/discovery/index_ends_by_repeat")
            if section is None and day is not None and page > CAPPED_INDEX_PAGES:
                # The plain index stopped repeating page 10 (C1: pages 11+ repeat page 10):
                # the rest of the day is only reachable through the per-section indexes.
                stats.inc_value("newscrawl/discovery/index_capped")
                yield from self._section_index_requests(
                    site, date.fromisoformat(day), site.sections
                )
            return
        if page >= self.max_index_pages:
            stats.inc_value("newscrawl/discovery/index_page_cap")
            self.logger.warning("Stopped %s %s at page cap %d", site.key, state.label, page)
            return
        state.last_links = sorted(links)
        state.digests.append(digest)
        # The pager's link to the next page; without a pager, the next page is tried anyway:
        # past the end the site repeats its last page (or answers 404), which ends the walk.
        next_url = listing.next_page_url(page) or urls.with_page(response.url, page + 1)
        if urls.site_of(next_url) is None:
            return
        yield response.follow(
            next_url,
            callback=self.parse_listing,
            errback=self.listing_failed,
            cb_kwargs={
                "walk": state.as_dict(),
                "page": page + 1,
                "paginate": True,
                "day": day,
                "section": section,
            },
        )

    @output_as_list
    def parse_sitemap(self, response: Response, site: str, depth: int) -> Iterator[scrapy.Request]:
        """A sitemap index (follow its news sitemaps) or a news sitemap (its in-window entries).

        ``news:publication_date`` filters entries before they are fetched (§7); Scrapy's
        SitemapSpider does not read it.
        """
        stats = self.crawler.stats
        stats.inc_value("newscrawl/discovery/sitemaps")
        sitemap = TribunSitemapPage(response.body, response.url)
        if sitemap.kind is None:
            stats.inc_value("newscrawl/discovery/sitemap_unreadable")
            self.logger.warning("Not a readable sitemap: %s", response.url)
            return
        children = [c for c in sitemap.child_sitemaps(news_only=True) if urls.site_of(c)]
        if children and depth >= MAX_SITEMAP_DEPTH:
            stats.inc_value("newscrawl/discovery/sitemap_depth_cap")
            self.logger.warning(
                "Sitemap %s nests deeper than %d levels: its %d sitemaps are not read",
                response.url,
                MAX_SITEMAP_DEPTH,
                len(children),
            )
            children = []
        for child in children:
            yield response.follow(
                child, callback=self.parse_sitemap, cb_kwargs={"site": site, "depth": depth + 1}
            )
        for entry in sitemap.entries():
            url = response.urljoin(entry.url)
            if not urls.is_article_url(url):
                stats.inc_value("newscrawl/discovery/sitemap_non_article")
                continue
            request = self._article_request(
                SITES[site],
                urls.canonical_article_url(url),
                entry.publication_date_raw or entry.lastmod,
            )
            if request is not None:
                yield request

    def _article_request(
        self, site: Site, url: str, listed_time: str | None
    ) -> scrapy.Request | None:
        stats = self.crawler.stats
        host = urls.site_of(url)
        if host is None or (host.host not in self.allowed_hosts and host.key != site.key):
            stats.inc_value("newscrawl/discovery/skipped_other_site")
            return None
        if listed_time and self._listed_outside_window(host, listed_time):
            stats.inc_value("newscrawl/discovery/skipped_listed_out_of_window")
            return None
        stats.inc_value("newscrawl/discovery/article_links")
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"site": host.key},
            meta={ROLE_META: "article", LISTED_TIME_META: listed_time},
        )

    def article_failed(self, failure: Failure) -> None:
        """Page 1 of an article that still failed after retries: lost (counted, WARNING),
        except a 404/410, which is the site removing it (counted as gone, INFO)."""
        request = failure.request  # type: ignore[attr-defined]
        status = failure.value.response.status if isinstance(failure.value, HttpError) else None
        if status in GONE_STATUSES:
            self.crawler.stats.inc_value(GONE_STAT)
            self.logger.info("Gone (%d): %s", status, request.url)
            return
        if counted_elsewhere(failure):
            return
        self.crawler.stats.inc_value(ARTICLE_FAILED_STAT)
        self.logger.warning("Lost article %s: %s", request.url, failure_reason(failure))

    def window_of(self, site_key: str) -> tuple[date, date] | None:
        """The local-date window of a site, also of one outside ``site=`` that a redirect led
        to (the same dates, read in that site's zone); None for a site not in the table."""
        if site_key in self.windows:
            return self.windows[site_key]
        site = SITES.get(site_key)
        return self.params.window(site) if site is not None else None

    def _listed_outside_window(self, site: Site, listed_time: str) -> bool:
        if _RELATIVE_TIME.search(listed_time):
            # "32 menit lalu" counts from a clock the listing does not show; only an absolute
            # listing time is trusted to skip a fetch.
            return False
        moment = parse_date(listed_time, site.tz)
        if moment is None:
            return False
        since, until = self.window_of(site.key) or self.params.window(site)
        start = datetime.combine(since, datetime.min.time(), site.tz) - LISTING_MARGIN
        end = (
            datetime.combine(until + timedelta(days=1), datetime.min.time(), site.tz)
            + LISTING_MARGIN
        )
        return not start <= moment < end

    def _is_text(self, response: Response) -> bool:
        """False (counted, logged) for a body Scrapy could not decode as text (binary, no type)."""
        if isinstance(response, TextResponse):
            return True
        self.crawler.stats.inc_value("newscrawl/extract/not_html")
        self.logger.warning("Not an HTML page (%s bytes): %s", len(response.body), response.url)
        return False

    # --- articles -----------------------------------------------------------------------------
    @output_as_list
    def parse_article(
        self, response: Response, site: str
    ) -> Iterator[ArticleItem | scrapy.Request]:
        """Page 1 of a story: emit it, or start walking its further pages.

        The story belongs to the site of the URL it was finally read from (a redirect from one
        site to another moves it), else to the site that listed it.
        """
        stats = self.crawler.stats
        crawled_at = datetime.now(UTC)
        if not self._is_text(response):
            return
        home = urls.site_of(response.url) or SITES.get(site) or SITES["www"]
        try:
            page = TribunArticlePage(response.text, response.url, home)
            if not page.is_article():
                stats.inc_value("newscrawl/extract/not_article")
                self.logger.warning("Not an article (no title or no body): %s", response.url)
                return
            story = StoryDraft.start(page, crawled_at)
            stats.inc_value(f"{DATES_READ_STAT}/{home.key}")
            if page.published_from_fallback():
                stats.inc_value(f"{DATES_FALLBACK_STAT}/{home.key}")
        except Exception:
            stats.inc_value("newscrawl/extract/errors")
            self.logger.exception("Could not extract %s", response.url)
            return
        yield from self._continue(story)

    @output_as_list
    def parse_article_page(
        self, response: Response, story: dict[str, Any], number: int
    ) -> Iterator[Any]:
        """Page 2+ of a story: add its paragraphs, then go on."""
        draft = StoryDraft.from_dict(story)
        try:
            if not self._is_text(response):
                draft.fail_page(number)
            else:
                page = TribunArticlePage(response.text, response.url, SITES[draft.site])
                if page.body_element is None:
                    self.crawler.stats.inc_value("newscrawl/pages/unparsable")
                    self.logger.warning("Page %d of %s has no article body", number, draft.url)
                    draft.fail_page(number)
                else:
                    draft.add_page(number, page)
        except Exception:
            self.crawler.stats.inc_value("newscrawl/extract/errors")
            self.logger.exception("Could not extract page %d of %s", number, response.url)
            draft.fail_page(number)
        yield from self._continue(draft)

    def page_failed(self, failure: Failure) -> Iterator[Any]:
        """A page 2+ that still failed after retries: the story goes out marked partial."""
        request = failure.request  # type: ignore[attr-defined]
        draft = StoryDraft.from_dict(request.cb_kwargs["story"])
        number: int = request.cb_kwargs["number"]
        draft.fail_page(number)
        self.crawler.stats.inc_value("newscrawl/pages/failed")
        if not counted_elsewhere(failure):
            self.crawler.stats.inc_value(PAGE_FAILED_STAT)
        self.logger.warning("Page %d of %s failed: %s", number, draft.url, failure.value)
        yield from self._continue(draft)

    def _continue(self, draft: StoryDraft) -> Iterator[Any]:
        """Request the story's next page, or emit the merged item when none is left."""
        number = draft.next_page()
        if number is not None:
            yield scrapy.Request(
                urls.with_page(draft.url, number),
                callback=self.parse_article_page,
                errback=self.page_failed,
                meta={ROLE_META: "article_page"},
                cb_kwargs={"story": draft.as_dict(), "number": number},
            )
            return
        if draft.page_count > 1:
            self.crawler.stats.inc_value("newscrawl/articles/multi_page")
        if draft.capped:
            self.crawler.stats.inc_value("newscrawl/pages/capped")
            self.logger.warning(
                "%s claims %d pages; only the first %d were fetched (item marked partial)",
                draft.url,
                draft.page_count,
                MAX_STORY_PAGES,
            )
        if draft.cut_pages:
            self.crawler.stats.inc_value("newscrawl/pages/too_deep")
            self.logger.warning(
                "%s: page(s) %s nest deeper than the parser reads; text after that depth is"
                " lost (item marked partial)",
                draft.url,
                ", ".join(map(str, draft.cut_pages)),
            )
        yield draft.to_item()
