"""Spider callbacks on hand-made responses: bad pages are counted and logged, never fatal."""

from __future__ import annotations

import asyncio
import gc
import json
import pickle
import weakref

import pytest
import pytest_twisted
from scrapy import signals
from scrapy.http import HtmlResponse, Request
from scrapy.utils.request import request_from_dict
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred

from newscrawl.spiders.tribun import MAX_SITEMAP_DEPTH, TribunSpider, _IndexWalk
from newscrawl.story import MAX_STORY_PAGES


@pytest.fixture
def spider():
    crawler = get_crawler(TribunSpider, {"NEWSCRAWL_MAX_INDEX_PAGES": 5})
    spider = TribunSpider.from_crawler(crawler, site="solo", since="2025-10-05", until="2025-10-06")
    crawler.spider = spider
    crawler.stats.open_spider()
    return spider


def _response(url: str, body: bytes) -> HtmlResponse:
    return HtmlResponse(url=url, body=body, encoding="utf-8", request=Request(url))


def test_garbage_article_page_is_counted_not_emitted(spider):
    response = _response("https://solo.tribunnews.com/2025/10/05/x", b"\x00\xff<<<not html")
    out = list(spider.parse_article(response, site="solo"))
    assert out == []
    assert spider.crawler.stats.get_value("newscrawl/extract/not_article") == 1


def test_extraction_crash_is_logged_and_counted(spider, monkeypatch, caplog):
    def explode(*args, **kwargs):
        raise RuntimeError("selector blew up")

    monkeypatch.setattr("newscrawl.spiders.tribun.TribunArticlePage", explode)
    response = _response("https://solo.tribunnews.com/2025/10/05/x", b"<html></html>")
    assert list(spider.parse_article(response, site="solo")) == []
    assert spider.crawler.stats.get_value("newscrawl/extract/errors") == 1
    assert "Could not extract https://solo.tribunnews.com/2025/10/05/x" in caplog.text


def test_index_page_schedules_articles_and_the_next_page(spider):
    items = "".join(
        f'<li class="ptb15"><h3><a href="/2025/10/05/berita-{i}">Berita {i}</a></h3>'
        f'<time class="grey">Minggu, 5 Oktober 2025 10:{i:02d} WIB</time></li>'
        for i in range(3)
    )
    items += (
        '<li class="ptb15 nativeads"><h3><a href="https://ads.example.net/promo">Promo</a></h3></li>'
        '<li class="ptb15"><h3><a href="https://video.tribunnews.com/view/1/clip">Video</a></h3></li>'
        '<li class="ptb15"><h3><a href="/2025/09/01/lama">Lama</a></h3>'
        "<time>Senin, 1 September 2025 10:00 WIB</time></li>"
    )
    html = f'<html><body><ul class="lsi">{items}</ul></body></html>'.encode()
    url = "https://solo.tribunnews.com/index-news?date=2025-10-05&page=1"
    walk = _IndexWalk("solo", "/index-news?date=2025-10-05").as_dict()
    out = list(
        spider.parse_listing(
            _response(url, html), walk=walk, page=1, paginate=True, day="2025-10-05"
        )
    )
    articles = [r.url for r in out if r.callback == spider.parse_article]
    listings = [r.url for r in out if r.callback == spider.parse_listing]
    assert articles == [f"https://solo.tribunnews.com/2025/10/05/berita-{i}" for i in range(3)]
    assert listings == ["https://solo.tribunnews.com/index-news?date=2025-10-05&page=2"]
    assert spider.crawler.stats.get_value("newscrawl/discovery/skipped_listed_out_of_window") == 1
    # The same page again (the site repeats its last page past the end): the walk stops.
    (next_page,) = (r for r in out if r.callback == spider.parse_listing)
    again = list(spider.parse_listing(_response(url, html), **next_page.cb_kwargs))
    assert again == []
    assert spider.crawler.stats.get_value("newscrawl/discovery/index_ends_by_repeat") == 1


def test_index_walk_stops_at_the_page_cap(spider):
    html = b'<html><ul class="lsi"><li><h3><a href="/2025/10/05/baru">x</a></h3></li></ul></html>'
    url = "https://solo.tribunnews.com/index-news?date=2025-10-05&page=5"
    walk = _IndexWalk("solo", "cap").as_dict()
    out = list(spider.parse_listing(_response(url, html), walk=walk, page=5, paginate=True))
    assert [r.callback for r in out] == [spider.parse_article]
    assert spider.crawler.stats.get_value("newscrawl/discovery/index_page_cap") == 1


def test_binary_response_is_counted_without_a_traceback(spider, caplog):
    from scrapy.http import Response

    url = "https://solo.tribunnews.com/2025/10/05/x"
    response = Response(url=url, body=b"\x89PNG\r\n\x1a\n\x00\x00", request=Request(url))
    assert list(spider.parse_article(response, site="solo")) == []
    assert spider.crawler.stats.get_value("newscrawl/extract/not_html") == 1
    assert "Traceback" not in caplog.text


def test_unparsable_later_page_makes_the_story_partial(spider):
    page1 = (
        b'<html><head><title>Judul - Tribun Solo</title></head><body><div id="article">'
        b'<h1 id="arttitle">Judul</h1><div class="side-article txt-article"><p>Satu.</p></div>'
        b'<div class="paging"><a href="?page=2">2</a></div></div></body></html>'
    )
    url = "https://solo.tribunnews.com/2025/10/05/judul"
    (request,) = spider.parse_article(_response(url, page1), site="solo")
    assert request.url == url + "?page=2"
    broken = _response(request.url, b"<html><body><div>502 Bad Gateway</div></body></html>")
    (item,) = spider.parse_article_page(broken, **request.cb_kwargs)
    assert (item.page_count, item.pages_fetched, item.is_partial) == (2, 1, True)
    assert item.body == "Satu."
    assert spider.crawler.stats.get_value("newscrawl/pages/unparsable") == 1


def test_capped_www_index_falls_back_to_section_indexes():
    crawler = get_crawler(TribunSpider)
    spider = TribunSpider.from_crawler(crawler, site="www", since="2025-10-05", until="2025-10-05")
    crawler.spider = spider
    crawler.stats.open_spider()
    picker = (
        '<select id="sectionpil"><option value="">Semua</option>'
        '<option value="https://www.tribunnews.com/index-news/nasional?date=2025-10-05">N</option>'
        "</select>"
    )
    html = f'<html><body>{picker}<ul class="lsi"><li><h3><a href="/nasional/7850001/a">a</a></h3></li></ul></body></html>'.encode()
    url = "https://www.tribunnews.com/index-news?date=2025-10-05&page=1"
    walk = _IndexWalk("www", "plain").as_dict()
    day = "2025-10-05"
    first = list(
        spider.parse_listing(_response(url, html), walk=walk, page=1, paginate=True, day=day)
    )
    sections = [r.url for r in first if "index-news/" in r.url]
    assert sections == ["https://www.tribunnews.com/index-news/nasional?date=2025-10-05&page=1"]
    # Page 11 repeats page 10: the walk ends and every other www section index is walked once.
    url11 = "https://www.tribunnews.com/index-news?date=2025-10-05&page=11"
    (page2,) = (r for r in first if r.callback == spider.parse_listing and "page=2" in r.url)
    later = list(
        spider.parse_listing(
            _response(url11, html), walk=page2.cb_kwargs["walk"], page=11, paginate=True, day=day
        )
    )
    walked = {r.url.split("/index-news/")[1].split("?")[0] for r in later}
    assert "nasional" not in walked  # already scheduled from the picker
    assert {"internasional", "bisnis", "sport", "seleb"} <= walked
    assert crawler.stats.get_value("newscrawl/discovery/index_capped") == 1


@pytest.mark.parametrize(("status", "next_page"), [(500, 3), (404, None)])
def test_a_failed_index_page_is_skipped_over_unless_it_is_past_the_end(spider, status, next_page):
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.python.failure import Failure

    url = "https://solo.tribunnews.com/index-news?date=2025-10-05&page=2"
    walk = _IndexWalk("solo", "x").as_dict()
    request = Request(
        url,
        callback=spider.parse_listing,
        cb_kwargs={
            "walk": walk,
            "page": 2,
            "paginate": True,
            "day": "2025-10-05",
            "section": None,
        },
    )
    response = HtmlResponse(url=url, status=status, body=b"", request=request)
    failure = Failure(HttpError(response, "Ignoring non-200 response"))
    failure.request = request
    out = list(spider.listing_failed(failure))
    if next_page is None:
        assert out == []
        assert spider.crawler.stats.get_value("newscrawl/discovery/index_ends_by_404") == 1
    else:
        assert [r.url for r in out] == [url.replace("page=2", f"page={next_page}")]
        assert out[0].cb_kwargs["page"] == next_page
        assert spider.crawler.stats.get_value("newscrawl/discovery/listing_failed") == 1


class _Engine:
    """The one engine call ``start()`` makes: is there room for another request?"""

    def __init__(self, backout: bool) -> None:
        self.backout = backout

    def needs_backout(self) -> bool:
        return self.backout


def _start_urls(spider: TribunSpider) -> list[str]:
    """Every URL ``start()`` yields when it never has to wait (stepped by hand, no loop)."""
    spider.crawler.engine = _Engine(backout=False)
    start = spider.start()
    got = []
    while True:
        step = start.__anext__()
        try:
            step.send(None)
        except StopIteration as done:
            got.append(done.value.url)
        except StopAsyncIteration:
            return got


def test_sections_argument_schedules_section_indexes_and_latest_lists():
    crawler = get_crawler(TribunSpider, {"NEWSCRAWL_SITEMAPS": False})
    spider = TribunSpider.from_crawler(
        crawler, site="solo", since="2025-10-05", until="2025-10-05", sections="news,home"
    )
    assert _start_urls(spider) == [
        "https://solo.tribunnews.com/news",
        "https://solo.tribunnews.com/",
        "https://solo.tribunnews.com/index-news?date=2025-10-05&page=1",
        "https://solo.tribunnews.com/index-news/news?date=2025-10-05&page=1",
    ]


def test_sites_take_turns_day_by_day():
    """Fed as the queue drains, the sites must interleave, or one site's slot would do all."""
    crawler = get_crawler(TribunSpider, {})
    spider = TribunSpider.from_crawler(
        crawler, site="solo,jateng", since="2025-10-05", until="2025-10-06"
    )
    assert _start_urls(spider) == [
        "https://solo.tribunnews.com/sitemap.xml",
        "https://jateng.tribunnews.com/sitemap.xml",
        "https://solo.tribunnews.com/index-news?date=2025-10-05&page=1",
        "https://jateng.tribunnews.com/index-news?date=2025-10-05&page=1",
        "https://solo.tribunnews.com/index-news?date=2025-10-06&page=1",
        "https://jateng.tribunnews.com/index-news?date=2025-10-06&page=1",
    ]


async def _reactor_turns() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


@pytest_twisted.ensureDeferred
async def test_start_requests_wait_for_room_in_the_queue():
    """While the downloader is full, one start request per emptied queue (issue 8: a long
    window queued at once held every walk's request in memory for the whole run)."""
    crawler = get_crawler(TribunSpider, {"NEWSCRAWL_SITEMAPS": False})
    spider = TribunSpider.from_crawler(
        crawler, site="solo,papua", since="2025-10-05", until="2025-10-06"
    )
    crawler.engine = _Engine(backout=True)
    got: list[str] = []

    async def consume() -> None:
        async for request in spider.start():
            got.append(request.url)  # noqa: PERF401 (one at a time: the test reads it midway)

    crawl = asyncio.ensure_future(consume())
    await Deferred.fromFuture(asyncio.ensure_future(_reactor_turns()))
    assert got == []
    for expected in (1, 2):
        crawler.signals.send_catch_log(signals.scheduler_empty)
        await Deferred.fromFuture(asyncio.ensure_future(_reactor_turns()))
        assert len(got) == expected
    crawler.engine.backout = False
    crawler.signals.send_catch_log(signals.scheduler_empty)
    await Deferred.fromFuture(crawl)
    assert len(got) == 5  # solo: 2 days; papua (WIT): the day before too


@pytest.mark.parametrize(
    "settings", [{"REDIS_URL": "redis://127.0.0.1:1/0"}, {"NEWSCRAWL_PACE_START": False}]
)
def test_a_shared_queue_is_seeded_at_once(settings):
    """A worker that joins a Redis crawl finds only what the seeder queued: all of it."""
    crawler = get_crawler(TribunSpider, settings)
    spider = TribunSpider.from_crawler(crawler, site="solo", since="2025-10-05", until="2025-10-06")
    spider.crawler.engine = _Engine(backout=True)
    start = spider.start()
    with pytest.raises(StopIteration):
        start.__anext__().send(None)  # yielded without waiting for any signal


def test_a_pager_claiming_too_many_pages_is_cut_counted_and_flagged(spider, caplog):
    def page(number: int) -> bytes:
        return (
            '<html><head><title>Judul - Tribun Solo</title></head><body><div id="article">'
            f'<h1 id="arttitle">Judul</h1><div class="side-article txt-article"><p>Isi {number}.</p>'
            '</div><div class="paging"><a href="?page=10000">10000</a></div></div></body></html>'
        ).encode()

    url = "https://solo.tribunnews.com/2025/10/05/judul"
    out = list(spider.parse_article(_response(url, page(1)), site="solo"))
    fetched = []
    while out and isinstance(out[0], Request):
        (request,) = out
        fetched.append(request.url)
        number = request.cb_kwargs["number"]
        out = list(
            spider.parse_article_page(_response(request.url, page(number)), **request.cb_kwargs)
        )
    (item,) = out
    assert len(fetched) == MAX_STORY_PAGES - 1
    assert fetched[-1] == f"{url}?page={MAX_STORY_PAGES}"
    assert (item.page_count, item.pages_fetched, item.is_partial) == (10000, MAX_STORY_PAGES, True)
    assert item.body.endswith(f"Isi {MAX_STORY_PAGES}.")
    assert spider.crawler.stats.get_value("newscrawl/pages/capped") == 1
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "claims 10000 pages" in warnings[0].getMessage()


def test_an_article_redirected_to_another_site_belongs_to_the_site_it_was_read_from(spider):
    listed = "https://solo.tribunnews.com/2025/10/05/judul"
    final = "https://www.tribunnews.com/regional/2025/10/05/judul"
    body = (
        b'<html><head><title>Judul - Tribunnews.com</title></head><body><div id="article">'
        b'<h1 id="arttitle">Judul</h1><div class="side-article txt-article"><p>Satu.</p></div>'
        b"</div></body></html>"
    )
    response = HtmlResponse(url=final, body=body, encoding="utf-8", request=Request(listed))
    (item,) = spider.parse_article(response, site="solo")
    assert (item.site, item.url) == ("www", final)


def test_every_request_the_spider_makes_is_plain_data(spider):
    """What JOBDIR's disk queue and a shared queue need: requests that round-trip as data."""
    listing = (
        b'<html><body><ul class="lsi"><li class="ptb15"><h3><a href="/2025/10/05/judul">J</a>'
        b"</h3></li></ul></body></html>"
    )
    url = "https://solo.tribunnews.com/index-news?date=2025-10-05&page=1"
    walk = _IndexWalk("solo", "/index-news?date=2025-10-05").as_dict()
    requests = list(
        spider.parse_listing(
            _response(url, listing), walk=walk, page=1, paginate=True, day="2025-10-05"
        )
    )
    page1 = (
        b'<html><head><title>Judul - Tribun Solo</title></head><body><div id="article">'
        b'<h1 id="arttitle">Judul</h1><div class="side-article txt-article"><p>Satu.</p></div>'
        b'<div class="paging"><a href="?page=2">2</a></div></div></body></html>'
    )
    story_url = "https://solo.tribunnews.com/2025/10/05/judul"
    requests += list(spider.parse_article(_response(story_url, page1), site="solo"))
    assert {r.callback.__name__ for r in requests} == {
        "parse_article",
        "parse_listing",
        "parse_article_page",
    }
    for request in requests:
        json.dumps(request.cb_kwargs)  # only str/int/bool/None/list/dict inside
        data = pickle.loads(pickle.dumps(request.to_dict(spider=spider)))
        again = request_from_dict(data, spider=spider)
        assert (again.url, again.cb_kwargs, again.callback) == (
            request.url,
            request.cb_kwargs,
            request.callback,
        )


def test_a_sitemap_nested_too_deep_is_counted_and_named(spider, caplog):
    index = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://solo.tribunnews.com/sitemap-news-2.xml</loc></sitemap>"
        b"</sitemapindex>"
    )
    url = "https://solo.tribunnews.com/sitemap-news.xml"
    response = HtmlResponse(url=url, body=index, encoding="utf-8", request=Request(url))
    followed = list(spider.parse_sitemap(response, site="solo", depth=0))
    assert [r.url for r in followed] == ["https://solo.tribunnews.com/sitemap-news-2.xml"]
    assert list(spider.parse_sitemap(response, site="solo", depth=MAX_SITEMAP_DEPTH)) == []
    assert spider.crawler.stats.get_value("newscrawl/discovery/sitemap_depth_cap") == 1
    assert f"Sitemap {url} nests deeper than {MAX_SITEMAP_DEPTH} levels" in caplog.text


def test_a_page_nested_deeper_than_the_parser_reads_is_counted_and_flagged(spider, caplog):
    nested = "<div>" * 5000 + "<p>Terlalu dalam.</p>" + "</div>" * 5000
    body = (
        '<html><head><title>Judul - Tribun Solo</title></head><body><div id="article">'
        '<h1 id="arttitle">Judul</h1><div class="side-article txt-article"><p>Satu.</p>'
        f"{nested}<p>Dua.</p></div></div></body></html>"
    ).encode()
    url = "https://solo.tribunnews.com/2025/10/05/judul"
    (item,) = spider.parse_article(_response(url, body), site="solo")
    assert item.is_partial is True
    assert item.body.startswith("Satu.")
    assert spider.crawler.stats.get_value("newscrawl/pages/too_deep") == 1
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "deeper than the parser reads" in warnings[0]


def _page_objects_left(spider_module_attr: str, monkeypatch: pytest.MonkeyPatch) -> list:
    """Patch a page object class so that every instance is followed by a weak reference."""
    from newscrawl.spiders import tribun

    base = getattr(tribun, spider_module_attr)
    made: list[weakref.ref] = []

    class Followed(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            made.append(weakref.ref(self))

    monkeypatch.setattr(tribun, spider_module_attr, Followed)
    return made


def test_a_listing_page_is_freed_before_its_requests_are_scheduled(spider, monkeypatch):
    """A callback suspended between its requests kept the page's tree alive; dozens at once
    were the crawl's memory peaks (issue 8)."""
    made = _page_objects_left("TribunListingPage", monkeypatch)
    items = "".join(f'<li><h3><a href="/2025/10/05/berita-{i}">B</a></h3></li>' for i in range(3))
    html = f'<html><body><ul class="lsi">{items}</ul></body></html>'.encode()
    url = "https://solo.tribunnews.com/index-news?date=2025-10-05&page=1"
    walk = _IndexWalk("solo", "free").as_dict()
    output = iter(spider.parse_listing(_response(url, html), walk=walk, page=1, paginate=True))
    assert next(output).url == "https://solo.tribunnews.com/2025/10/05/berita-0"
    gc.collect()
    assert len(made) == 1
    assert made[0]() is None


def test_an_article_page_is_freed_before_its_next_page_is_requested(spider, monkeypatch):
    made = _page_objects_left("TribunArticlePage", monkeypatch)
    url = "https://solo.tribunnews.com/2025/10/05/cerita-panjang"
    body = "".join(f"<p>Paragraf {i} cerita ini cukup panjang untuk dibaca.</p>" for i in range(5))
    html = (
        "<html><head><title>Cerita panjang</title>"
        '<meta property="article:published_time" content="2025-10-05T10:00:00+07:00"></head>'
        f'<body><h1 id="arttitle">Cerita panjang</h1><div class="side-article txt-article">{body}'
        f'<div class="paging"><a href="{url}?page=2">2</a></div></div></body></html>'
    ).encode()
    output = iter(spider.parse_article(_response(url, html), site="solo"))
    assert next(output).url == f"{url}?page=2"
    gc.collect()
    assert len(made) == 1
    assert made[0]() is None
