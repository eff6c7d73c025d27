"""URL rules and spider-argument validation, as tables (STYLE.md §6)."""

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
