"""Pipelines one by one, on hand-made items: what each keeps, fixes, drops and counts."""

from __future__ import annotations

import pickle
import sys
from datetime import date

import pytest
from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem
from newscrawl.pipelines import (
    EMITTED_STATE_KEY,
    BoilerplatePipeline,
    DatesPipeline,
    DateWindowPipeline,
    DedupePipeline,
    DuplicateArticle,
    MissingPublicationDate,
    NotAnArticle,
    OutOfWindow,
    ValidationPipeline,
)
from newscrawl.spiders.tribun import TribunSpider


@pytest.fixture
def crawler():
    crawler = get_crawler(TribunSpider)
    crawler.spider = TribunSpider.from_crawler(
        crawler, site="makassar,papua", since="2025-10-05", until="2025-10-06"
    )
    crawler.stats.open_spider()
    return crawler


def _item(**kw):
    base = {"url": "https://makassar.tribunnews.com/2025/10/05/x", "site": "makassar", "title": "T",
            "body": "Isi berita.", "crawled_at": "2025-10-06T03:00:00+00:00"}  # fmt: skip
    return ArticleItem(**{**base, **kw})


def test_boilerplate_pipeline_moves_reporter_and_strips_footer(crawler):
    body = (
        "Laporan Wartawan Tribun-Timur.com, Edi Sumardi\n\n"
        "TRIBUN-TIMUR.COM, MAKASSAR - Isi pertama.\n\n"
        "Baca juga: Judul lain\n\n"
        "Isi kedua.(*)\n\n"
        "Artikel ini telah tayang di Tribun-Timur.com dengan judul X, https://x"
    )
    item = BoilerplatePipeline.from_crawler(crawler).process_item(_item(body=body))
    assert item.body == "TRIBUN-TIMUR.COM, MAKASSAR - Isi pertama.\n\nIsi kedua."
    assert item.reporter == "Edi Sumardi"
    assert item.word_count == 7  # whitespace-separated, the dateline dash included


@pytest.mark.parametrize(
    ("site", "raw", "expected"),
    [
        ("makassar", "Senin, 6 Oktober 2025 19:26 WITA", "2025-10-06T19:26:00+08:00"),
        ("makassar", "2025-10-06T19:26:00+07:00", "2025-10-06T20:26:00+08:00"),
        ("papua", "Jum'at, 9 Okt 2020 13.52 WIT", "2020-10-09T13:52:00+09:00"),
        ("papua", "2 jam lalu", "2025-10-06T10:00:00+09:00"),  # crawled 03:00 UTC = 12:00 WIT
    ],
)
def test_dates_pipeline_gives_the_sites_offset(crawler, site, raw, expected):
    item = DatesPipeline.from_crawler(crawler).process_item(_item(site=site, published_raw=raw))
    assert item.published_at == expected


def test_unreadable_date_is_counted(crawler):
    DatesPipeline.from_crawler(crawler).process_item(_item(published_raw="Oktober 2025"))
    assert crawler.stats.get_value("newscrawl/dates/unparsed") == 1


def test_window_uses_the_sites_local_date(crawler):
    window = DateWindowPipeline.from_crawler(crawler)
    assert crawler.spider.windows["papua"] == (date(2025, 10, 5), date(2025, 10, 6))
    # 23:30 WIB on 10-04 is 01:30 WIT on 10-05: inside papua's window.
    inside = _item(site="papua", published_at="2025-10-05T01:30:00+09:00")
    assert window.process_item(inside) is inside
    with pytest.raises(OutOfWindow):
        window.process_item(_item(published_at="2025-10-07T00:10:00+08:00"))
    with pytest.raises(MissingPublicationDate):
        window.process_item(_item(published_at=None))


def test_validation_keeps_photo_stories_and_drops_non_articles(crawler):
    validation = ValidationPipeline.from_crawler(crawler)
    photo = _item(
        body=None, image_url="https://asset-2.tstatic.net/makassar/foto/bank/images/a.jpg"
    )
    assert validation.process_item(photo).body is None
    assert crawler.stats.get_value("newscrawl/validation/no_body") == 1
    with pytest.raises(NotAnArticle, match="missing title"):
        validation.process_item(_item(title=None))
    with pytest.raises(NotAnArticle, match="missing body and image"):
        validation.process_item(_item(body=None))


def test_dedupe_by_canonical_url(crawler):
    dedupe = DedupePipeline.from_crawler(crawler)
    dedupe.process_item(_item())
    with pytest.raises(DuplicateArticle):
        dedupe.process_item(_item(title="other"))
    assert crawler.stats.get_value("newscrawl/dedupe/duplicates") == 1


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Isi.", "Artikel ini telah", "tayang di Tribunnews.com dengan judul X, https://x"],
        ["Isi.", "Artikel\nini telah tayang di TribunSolo.com dengan judul X"],
        ["Isi. Artikel ini telah", "tayang di Tribun-Timur.com dengan judul X"],
        # upper case, and the dotted/dotless i that case-insensitive matching reads as "i"
        ["Isi.", "ARTIKEL INI TELAH", "DİMUAT DI Tribunnews.com dengan judul X"],
        ["Isi.", "Artikel ini telah terbıt di TribunSolo.com dengan judul X"],
    ],
)
def test_copy_footer_split_over_lines_or_paragraphs_is_cut(paragraphs):
    from newscrawl.boilerplate import clean_paragraphs

    assert clean_paragraphs(paragraphs)[0] == ["Isi."]


def test_window_applies_to_an_article_redirected_to_a_site_outside_the_crawl(crawler):
    # The crawl is makassar,papua 2025-10-05..06; a redirect led to a www article of another day.
    item = _item(url="https://www.tribunnews.com/regional/2025/09/01/x", site="www")
    item.published_at = "2025-09-01T10:00:00+07:00"
    with pytest.raises(OutOfWindow):
        DateWindowPipeline(crawler).process_item(item)
    item.published_at = "2025-10-06T23:30:00+07:00"
    assert DateWindowPipeline(crawler).process_item(item) is item


def test_dedupe_remembers_across_a_paused_jobdir_crawl(crawler):
    # Scrapy's SpiderState gives a JOBDIR crawl a spider.state saved at pause, loaded at resume.
    crawler.spider.state = {}
    DedupePipeline.from_crawler(crawler).process_item(_item())
    resumed_state = pickle.loads(pickle.dumps(crawler.spider.state))
    crawler.spider.state = resumed_state
    with pytest.raises(DuplicateArticle):
        DedupePipeline.from_crawler(crawler).process_item(_item(title="same story, other URL form"))


def test_the_per_run_dedupe_set_holds_small_keys_not_urls(crawler):
    """A backfill emits millions of articles in one run; the set must not hold their URLs
    (~160 bytes each, plus the set's slot; issue 8)."""
    crawler.spider.state = {}
    dedupe = DedupePipeline.from_crawler(crawler)
    urls = [f"https://solo.tribunnews.com/2025/10/05/berita-ke-{i:05d}" for i in range(5000)]
    for url in urls:
        dedupe.process_item(_item(url=url))
    seen = crawler.spider.state[EMITTED_STATE_KEY]
    assert len(seen) == len(urls)
    assert sum(sys.getsizeof(key) for key in seen) / len(seen) <= 40  # a URL's str: ~110
    with pytest.raises(DuplicateArticle):
        dedupe.process_item(_item(url=urls[42]))


def test_a_state_saved_with_urls_by_an_older_version_still_dedupes(crawler):
    crawler.spider.state = {EMITTED_STATE_KEY: {_item().url}}
    with pytest.raises(DuplicateArticle):
        DedupePipeline.from_crawler(crawler).process_item(_item())
