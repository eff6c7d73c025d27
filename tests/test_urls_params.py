"""URL rules and spider-argument validation, as tables."""

from datetime import date, datetime

import pytest

from newscrawl import urls
from newscrawl.params import ParamsError, TribunParams
from newscrawl.sites import SITES, WIT, site_for_host


@pytest.mark.parametrize(
    ("url", "is_article"),
    [
        ("https://solo.tribunnews.com/2020/10/09/protokol-kesehatan", True),
        ("https://www.tribunnews.com/nasional/2025/06/01/5-populer-nasional", True),
        ("https://www.tribunnews.com/internasional/7746900/5-populer-internasional", True),
        ("https://m.tribunnews.com/nasional/2020/01/18/komentar-menggelitik", True),
        ("https://bogor.tribunnews.com/amp/2020/04/29/gibran-rakabuming", True),
        ("https://solo.tribunnews.com/2020/10/09/slug?page=2", True),
        ("https://video.tribunnews.com/view/176415/heboh-guru", False),
        ("https://solo.tribunnews.com/tag/eka-ginanjar?url=2020/10/09/x", False),
        ("https://solo.tribunnews.com/topic/penanganan-covid", False),
        ("https://www.tribunnews.com/video/2025/10/05/some-clip", False),
        ("https://www.tribunnews.com/images/2025/10/05/gallery", False),
        ("https://www.tribunnews.com/index-news?date=2025-10-05", False),
        ("https://www.tribunnews.com/nasional", False),
        ("https://ads.doubleclick.net/2025/10/05/promo", False),
        ("https://www.kompas.com/nasional/2025/10/05/x", False),
        ("https://unknown.tribunnews.com/2025/10/05/x", False),
        ("mailto:redaksi@tribunnews.com", False),
    ],
)
def test_is_article_url(url, is_article):
    assert urls.is_article_url(url) is is_article


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "http://solo.tribunnews.com/2020/10/09/slug/?page=2#x",
            "https://solo.tribunnews.com/2020/10/09/slug",
        ),
        (
            "https://m.tribunnews.com/amp/regional/2023/09/22/slug?page=all",
            "https://www.tribunnews.com/regional/2023/09/22/slug",
        ),
        (
            "https://bogor.tribunnews.com/amp/2020/04/29/slug?page=4",
            "https://bogor.tribunnews.com/2020/04/29/slug",
        ),
    ],
)
def test_canonical_article_url(url, canonical):
    assert urls.canonical_article_url(url) == canonical


def test_page_helpers():
    assert urls.page_number("https://x.tribunnews.com/2020/01/01/a?page=3") == 3
    assert urls.page_number("https://x.tribunnews.com/2020/01/01/a") == 1
    assert urls.page_number("https://x.tribunnews.com/2020/01/01/a?page=all") == 0
    assert urls.with_page("https://solo.tribunnews.com/2020/01/01/a", 2).endswith("/a?page=2")
    assert urls.with_page("https://solo.tribunnews.com/2020/01/01/a?page=2", 1).endswith("/a")
    assert (
        urls.article_id_from_url("https://www.tribunnews.com/internasional/7746900/x") == "7746900"
    )


def test_site_table():
    assert len(SITES) >= 50
    assert site_for_host("papua.tribunnews.com").tz is WIT
    assert SITES["makassar"].zone_name == "WITA"
    assert site_for_host("m.tribunnews.com").key == "www"
    assert site_for_host("evil.com") is None


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"site": "nowhere"}, "unknown site key(s) nowhere; valid: all, aceh"),
        ({"site": "solo,atlantis"}, "atlantis"),
        ({"site": ","}, "at least one site"),
        ({"since": "2025-13-01"}, "since must be a date YYYY-MM-DD"),
        ({"until": "yesterday"}, "until must be a date YYYY-MM-DD"),
        ({"since": "2025-10-06", "until": "2025-10-05"}, "is after until"),
        ({"sections": "nasional,../etc"}, "sections must be section paths"),
        ({"site": ""}, "site must name at least one site key"),
        ({"since": ""}, "since must be a date YYYY-MM-DD, got ''"),
        ({"until": "9999-12-31"}, "until (9999-12-31) is in the future; the latest allowed is"),
        ({"since": "2205-10-05"}, "since (2205-10-05) is in the future"),
        ({"since": "0001-01-01"}, "since (0001-01-01) is before the Tribun Network went online"),
        ({"until": "2009-12-31"}, "until (2009-12-31) is before the Tribun Network"),
        (
            {"since": "2020-01-01", "until": "2021-01-01"},
            "spans 367 days, more than 366; crawl it in parts or raise NEWSCRAWL_MAX_WINDOW_DAYS",
        ),
    ],
)
def test_bad_arguments_name_the_problem(kwargs, error):
    with pytest.raises(ParamsError, match=None) as info:
        TribunParams.parse(**kwargs)
    assert error in str(info.value)
    assert "\n" not in str(info.value)


def test_good_arguments():
    params = TribunParams.parse(
        "www, solo,SOLO", "2025-10-05", "2025-10-06", "nasional, news/nasional"
    )
    assert [s.key for s in params.sites] == ["www", "solo"]
    assert params.sections == ("nasional", "news/nasional")
    assert params.window(SITES["solo"]) == (date(2025, 10, 5), date(2025, 10, 6))
    assert len(TribunParams.parse("all").sites) == len(SITES)


def test_default_window_is_yesterday_and_today_in_the_sites_zone():
    params = TribunParams.parse("papua")
    # 2025-10-05 16:30 UTC is already 10-06 01:30 in Papua (WIT, +09:00).
    now = datetime.fromisoformat("2025-10-05T16:30:00+00:00")
    assert params.window(SITES["papua"], now) == (date(2025, 10, 5), date(2025, 10, 6))
    assert params.window(SITES["www"], now) == (date(2025, 10, 4), date(2025, 10, 5))


def test_window_limits_follow_the_sites_zone_and_the_setting():
    # 2025-10-05 16:30 UTC: already 10-06 in Papua (WIT), still 10-05 in WIB.
    now = datetime.fromisoformat("2025-10-05T16:30:00+00:00")
    assert TribunParams.parse("papua", until="2025-10-07", now=now).until == date(2025, 10, 7)
    with pytest.raises(ParamsError, match=r"until \(2025-10-07\) is in the future"):
        TribunParams.parse("www,papua", until="2025-10-07", now=now)
    assert TribunParams.parse("www", until="2025-10-06", now=now).until == date(2025, 10, 6)
    # A deliberate backfill raises the limit; None (the spider's own __init__) skips it.
    first = "2010-01-01"
    with pytest.raises(ParamsError, match="more than 366"):
        TribunParams.parse("solo", since=first, now=now)
    assert TribunParams.parse("solo", since=first, max_window_days=6000, now=now).since
    assert TribunParams.parse("solo", since=first, max_window_days=None, now=now).since


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        (
            {"sitez": "solo"},
            "unknown spider argument(s) sitez; valid: site, since, until, sections",
        ),
        (
            {"site": "solo", "Since": "x", "untill": "y"},
            "unknown spider argument(s) Since, untill; valid: site, since, until, sections",
        ),
    ],
)
def test_unknown_spider_arguments_are_named(arguments, error):
    with pytest.raises(ParamsError) as info:
        TribunParams.from_arguments(arguments)
    assert str(info.value) == error


def test_scrapyd_job_argument_is_accepted():
    params = TribunParams.from_arguments({"site": "solo", "_job": "5f1c"})
    assert [s.key for s in params.sites] == ["solo"]


def test_raw_and_escaped_links_of_one_article_have_one_canonical_form():
    raw = "https://solo.tribunnews.com/2020/01/01/kopi-café ?page=2#komentar"
    escaped = "https://solo.tribunnews.com/2020/01/01/kopi-caf%C3%A9%20"
    assert urls.canonical_article_url(raw) == urls.canonical_article_url(escaped)
    assert (
        urls.canonical_article_url(raw)
        == "https://solo.tribunnews.com/2020/01/01/kopi-caf%C3%A9%20"
    )


def test_with_page_replaces_the_page_of_an_index_url_in_place():
    index = "https://www.tribunnews.com/index-news?date=2025-10-05&page=1"
    assert (
        urls.with_page(index, 2) == "https://www.tribunnews.com/index-news?date=2025-10-05&page=2"
    )
    assert (
        urls.with_page(index + "#top", 1) == "https://www.tribunnews.com/index-news?date=2025-10-05"
    )
    assert urls.page_number(urls.with_page(index, 7)) == 7
    assert urls.page_number("https://x.tribunnews.com/a?page=") == 1
    assert urls.page_number("https://x.tribunnews.com/a?page=-3") == 1
