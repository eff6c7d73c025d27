"""Date parsing: the Tribun formats, the zone rules, the rejections, and fast path vs dateparser.

The table pins every shape seen on the site (docs/site-structure.md §1.4, §4.1, §4.6); the
hypothesis properties render random instants in those shapes and check the fast path against the
expected instant and against dateparser wherever dateparser gives an answer.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newscrawl.dates as dates_module
from newscrawl.dates import parse_date, parse_date_dateparser, parse_date_fast, to_iso
from newscrawl.sites import WIB, WIT, WITA, ZONES

# Fetch time used by the table: Monday 6 October 2025, 20:00:00 WIB.
NOW = datetime(2025, 10, 6, 20, 0, 0, tzinfo=WIB)
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _iso(dt: datetime | None) -> str | None:
    return None if dt is None else to_iso(dt)


# --- the table -------------------------------------------------------------------------------

# (raw, site zone, expected ISO or None); all parsed with now=NOW and all on the fast path.
FAST_CASES = [
    # Article date box, 2025 and 2026 templates.
    ("Senin, 6 Oktober 2025 19:26 WIB", WIB, "2025-10-06T19:26:00+07:00"),
    ("Tayang: Senin, 3 November 2025 19:26 WIB", WIB, "2025-11-03T19:26:00+07:00"),
    ("Tayang : Senin, 3 November 2025 19:26 WIB", WIB, "2025-11-03T19:26:00+07:00"),
    ("Tayang:Jumat, 24 Juli 2026 12:40 WIB", WIB, "2026-07-24T12:40:00+07:00"),
    # 2020 template: no zone, so the site's zone.
    ("Jumat, 9 Oktober 2020 13:52", WIB, "2020-10-09T13:52:00+07:00"),
    ("Jumat, 9 Oktober 2020 13:52", WITA, "2020-10-09T13:52:00+08:00"),
    ("Jumat, 9 Oktober 2020 13:52", WIT, "2020-10-09T13:52:00+09:00"),
    # Apostrophe day names, abbreviated months, dot as the time separator.
    ("Jum'at, 9 Okt 2020 13.52 WIB", WIB, "2020-10-09T13:52:00+07:00"),
    ("Jum’at, 9 Okt 2020 13.52 WIB", WIB, "2020-10-09T13:52:00+07:00"),
    ("Minggu, 5 Oktober 2025 10:00", WIB, "2025-10-05T10:00:00+07:00"),
    ("Ahad, 5 Oktober 2025 10:00", WIB, "2025-10-05T10:00:00+07:00"),
    ("Sabtu, 1 Januari 2022 00:00", WIB, "2022-01-01T00:00:00+07:00"),
    ("Selasa, 1 Februari 2022 08:05", WIB, "2022-02-01T08:05:00+07:00"),
    ("Rabu, 29 Februari 2024 23:59", WIB, "2024-02-29T23:59:00+07:00"),
    ("Kamis, 7 Maret 2024 07:07", WIB, "2024-03-07T07:07:00+07:00"),
    ("Senin, 1 April 2024 09:00", WIB, "2024-04-01T09:00:00+07:00"),
    ("Jumat, 3 Mei 2024 09:00", WIB, "2024-05-03T09:00:00+07:00"),
    ("Sabtu, 1 Juni 2024 09:00", WIB, "2024-06-01T09:00:00+07:00"),
    ("Rabu, 17 Juli 2024 09:00", WIB, "2024-07-17T09:00:00+07:00"),
    ("Sabtu, 17 Agustus 2024 10:00 WIB", WIB, "2024-08-17T10:00:00+07:00"),
    ("Selasa, 10 September 2024 09:00", WIB, "2024-09-10T09:00:00+07:00"),
    ("Senin, 11 November 2024 09:00", WIB, "2024-11-11T09:00:00+07:00"),
    ("Rabu, 25 Desember 2024 09:00", WIB, "2024-12-25T09:00:00+07:00"),
    ("1 Jan 2024 09:00", WIB, "2024-01-01T09:00:00+07:00"),
    ("2 Feb 2024 09:00", WIB, "2024-02-02T09:00:00+07:00"),
    ("3 Mar 2024 09:00", WIB, "2024-03-03T09:00:00+07:00"),
    ("4 Apr 2024 09:00", WIB, "2024-04-04T09:00:00+07:00"),
    ("5 Mei 2024 09:00", WIB, "2024-05-05T09:00:00+07:00"),
    ("6 Jun 2024 09:00", WIB, "2024-06-06T09:00:00+07:00"),
    ("7 Jul 2024 09:00", WIB, "2024-07-07T09:00:00+07:00"),
    ("8 Agu 2024 09:00", WIB, "2024-08-08T09:00:00+07:00"),
    ("8 Agt 2024 09:00", WIB, "2024-08-08T09:00:00+07:00"),
    ("8 Ags 2024 09:00", WIB, "2024-08-08T09:00:00+07:00"),
    ("9 Sep 2024 09:00", WIB, "2024-09-09T09:00:00+07:00"),
    ("9 Sept 2024 09:00", WIB, "2024-09-09T09:00:00+07:00"),
    ("10 Okt 2024 09:00", WIB, "2024-10-10T09:00:00+07:00"),
    ("11 Nov 2024 09:00", WIB, "2024-11-11T09:00:00+07:00"),
    ("12 Des 2024 09:00", WIB, "2024-12-12T09:00:00+07:00"),
    ("12 Okt. 2024 09:00", WIB, "2024-10-12T09:00:00+07:00"),
    ("14 Nopember 2016 18:50", WIB, "2016-11-14T18:50:00+07:00"),
    # English month and day names, RSS pubDate.
    ("Monday, 6 October 2025 19:26 WIB", WIB, "2025-10-06T19:26:00+07:00"),
    ("6 May 2025 19:26", WIB, "2025-05-06T19:26:00+07:00"),
    ("Mon, 06 Oct 2025 19:26:00 +0700", WIB, "2025-10-06T19:26:00+07:00"),
    ("Mon, 06 Oct 2025 12:26:00 GMT", WIB, "2025-10-06T19:26:00+07:00"),
    # Date only: midnight in the site's zone.
    ("Senin, 6 Oktober 2025", WIB, "2025-10-06T00:00:00+07:00"),
    ("6 Oktober 2025", WITA, "2025-10-06T00:00:00+08:00"),
    # Separators between date and time, labels, whitespace.
    ("Senin, 6 Oktober 2025 | 19:26 WIB", WIB, "2025-10-06T19:26:00+07:00"),
    ("Senin, 6 Oktober 2025 - 19:26 WIB", WIB, "2025-10-06T19:26:00+07:00"),
    ("Senin, 6 Oktober 2025, 19:26 WIB", WIB, "2025-10-06T19:26:00+07:00"),
    ("Senin, 6 Oktober 2025 pukul 19.26 WIB", WIB, "2025-10-06T19:26:00+07:00"),
    ("  Senin, 6 Oktober 2025 19:26 WIB \n", WIB, "2025-10-06T19:26:00+07:00"),
    ("\xa0Senin,\xa06\xa0Oktober\xa02025\xa019:26\xa0WIB\xa0", WIB, "2025-10-06T19:26:00+07:00"),
    ("Senin,  6  Oktober  2025   19:26   WIB", WIB, "2025-10-06T19:26:00+07:00"),
    ("Senin, 6 Oktober 2025 19:26 wib", WIB, "2025-10-06T19:26:00+07:00"),
    ("Senin, 6 Oktober 2025 19:26 Wib", WIB, "2025-10-06T19:26:00+07:00"),
    ("SENIN, 6 OKTOBER 2025 19:26 WIB", WIB, "2025-10-06T19:26:00+07:00"),
    ("Senin, 6 Oktober 2025 19:26WIB", WIB, "2025-10-06T19:26:00+07:00"),
    # Zones: the string's zone fixes the instant, the output is in the site's zone.
    ("Senin, 6 Oktober 2025 19:26 WIB", WITA, "2025-10-06T20:26:00+08:00"),
    ("Senin, 6 Oktober 2025 19:26 WIB", WIT, "2025-10-06T21:26:00+09:00"),
    ("Senin, 6 Oktober 2025 19:26 WITA", WITA, "2025-10-06T19:26:00+08:00"),
    ("Senin, 6 Oktober 2025 19:26 WITA", WIB, "2025-10-06T18:26:00+07:00"),
    ("Senin, 6 Oktober 2025 19:26 Wita", WIT, "2025-10-06T20:26:00+09:00"),
    ("Senin, 6 Oktober 2025 19:26 WIT", WIT, "2025-10-06T19:26:00+09:00"),
    ("Senin, 6 Oktober 2025 19:26 WIT", WIB, "2025-10-06T17:26:00+07:00"),
    ("Senin, 6 Oktober 2025 00:30 WIT", WIB, "2025-10-05T22:30:00+07:00"),
    ("Senin, 6 Oktober 2025 19:26 +08:00", WIB, "2025-10-06T18:26:00+07:00"),
    ("Senin, 6 Oktober 2025 19:26 GMT+7", WITA, "2025-10-06T20:26:00+08:00"),
    # Day-name/date mismatch: the date wins (6 October 2025 is a Monday).
    ("Selasa, 6 Oktober 2025 19:26 WIB", WIB, "2025-10-06T19:26:00+07:00"),
    # Day/month/year in parentheses, from body text: date only → midnight.
    ("(13/10/2024)", WIB, "2024-10-13T00:00:00+07:00"),
    ("Minggu (13/10/2024)", WIB, "2024-10-13T00:00:00+07:00"),
    ("Jumat (9/10/2020)", WITA, "2020-10-09T00:00:00+08:00"),
    ("( 13/5/2018 )", WIB, "2018-05-13T00:00:00+07:00"),
    ("13/10/2024 19:26 WIB", WITA, "2024-10-13T20:26:00+08:00"),
    # ISO 8601: JSON-LD, time[datetime], header title, sitemaps.
    ("2020-10-09T13:52:50+07:00", WIB, "2020-10-09T13:52:50+07:00"),
    ("2024-01-23T18:33:26+08:00", WITA, "2024-01-23T18:33:26+08:00"),
    ("2024-01-23T18:33:26+08:00", WIB, "2024-01-23T17:33:26+07:00"),
    ("2026-07-24T12:40+07:00", WIB, "2026-07-24T12:40:00+07:00"),
    ("2026-07-24T12:40+07:00", WIT, "2026-07-24T14:40:00+09:00"),
    ("2025-10-06T10:00:00Z", WIB, "2025-10-06T17:00:00+07:00"),
    ("2025-10-06T10:00:00z", WITA, "2025-10-06T18:00:00+08:00"),
    ("2025-10-06T10:00:00.123456+07:00", WIB, "2025-10-06T10:00:00+07:00"),
    ("2025-10-06T10:00:00+0700", WIB, "2025-10-06T10:00:00+07:00"),
    ("2025-10-06T10:00:00-03:00", WIB, "2025-10-06T20:00:00+07:00"),
    ("2025-10-06T10:00:00", WIB, "2025-10-06T10:00:00+07:00"),
    ("2025-10-06T10:00:00", WIT, "2025-10-06T10:00:00+09:00"),
    # Listing time[title] and dataLayer publish_date: site zone.
    ("2025-10-06 17:01:36", WIB, "2025-10-06T17:01:36+07:00"),
    ("2024-01-23 17:01:36", WITA, "2024-01-23T17:01:36+08:00"),
    ("2025-10-06", WIB, "2025-10-06T00:00:00+07:00"),
    # Relative listing strings against NOW (20:00:00 WIB).
    ("32 menit lalu", WIB, "2025-10-06T19:28:00+07:00"),
    ("32 menit lalu ", WIB, "2025-10-06T19:28:00+07:00"),
    ("2 jam lalu", WIB, "2025-10-06T18:00:00+07:00"),
    ("2 jam yang lalu", WIB, "2025-10-06T18:00:00+07:00"),
    ("2 Jam Lalu", WIB, "2025-10-06T18:00:00+07:00"),
    ("3 hari lalu", WIB, "2025-10-03T20:00:00+07:00"),
    ("1 minggu lalu", WIB, "2025-09-29T20:00:00+07:00"),
    ("seminggu lalu", WIB, "2025-09-29T20:00:00+07:00"),
    ("sehari lalu", WIB, "2025-10-05T20:00:00+07:00"),
    ("baru saja", WIB, "2025-10-06T20:00:00+07:00"),
    ("Baru saja", WIB, "2025-10-06T20:00:00+07:00"),
    ("detik lalu", WIB, "2025-10-06T20:00:00+07:00"),
    ("beberapa detik lalu", WIB, "2025-10-06T20:00:00+07:00"),
    ("kemarin", WIB, "2025-10-05T20:00:00+07:00"),
    # Relative strings on a WITA site: same instant, site offset.
    ("2 jam lalu", WITA, "2025-10-06T19:00:00+08:00"),
    ("kemarin", WIT, "2025-10-05T22:00:00+09:00"),
]

# Strings that hold no usable date: None from the fast path and from parse_date.
REJECTED = [
    "",
    "   ",
    "\xa0",
    "garbage",
    "Oktober 2025",
    "Senin, Oktober 2025",
    "19:26",
    "19:26 WIB",
    "Senin",
    "Tayang:",
    "31 Februari 2025",
    "Senin, 31 Februari 2025 10:00 WIB",
    "29 Februari 2023",
    "31 April 2024",
    "0 Oktober 2025",
    "Senin, 6 Oktober 2025 25:00 WIB",
    "Senin, 6 Oktober 2025 19:61 WIB",
    "2025-02-30",
    "2025-13-01T10:00:00+07:00",
    "2025-10-06T10:00:00+25:00",
    "(32/10/2024)",
    "(13/13/2024)",
    "3 bulan lalu",
    "1 tahun lalu",
    "minggu lalu",
    "jam lalu",
]


@pytest.mark.parametrize(("raw", "tz", "expected"), FAST_CASES)
def test_parse_date_table(raw: str, tz: tzinfo, expected: str) -> None:
    assert _iso(parse_date(raw, tz, now=NOW)) == expected


@pytest.mark.parametrize(("raw", "tz", "expected"), FAST_CASES)
def test_fast_path_handles_every_site_format(raw: str, tz: tzinfo, expected: str) -> None:
    assert _iso(parse_date_fast(raw, tz, now=NOW)) == expected


# Table strings that dateparser (Indonesian only) cannot read; for all others it must agree.
DATEPARSER_BLIND = {
    "8 Ags 2024 09:00",
    "Monday, 6 October 2025 19:26 WIB",
    "6 May 2025 19:26",
    "Mon, 06 Oct 2025 19:26:00 +0700",
    "Mon, 06 Oct 2025 12:26:00 GMT",
    "detik lalu",
    "beberapa detik lalu",
}


@pytest.mark.parametrize(("raw", "tz", "expected"), FAST_CASES)
def test_dateparser_agrees_with_table(raw: str, tz: tzinfo, expected: str) -> None:
    slow = _iso(parse_date_dateparser(raw, tz, now=NOW))
    assert slow == (None if raw in DATEPARSER_BLIND else expected)


@pytest.mark.parametrize("raw", REJECTED)
@pytest.mark.parametrize("tz", [WIB, WITA, WIT], ids=["WIB", "WITA", "WIT"])
def test_unusable_strings_give_none(raw: str, tz: tzinfo) -> None:
    assert parse_date_fast(raw, tz, now=NOW) is None
    assert parse_date(raw, tz, now=NOW) is None


@pytest.mark.parametrize("raw", ["Oktober 2025", "19:26", "3 bulan lalu", "Senin", "garbage"])
def test_dateparser_fallback_does_not_fill_in_missing_parts(raw: str) -> None:
    assert parse_date_dateparser(raw, WIB, now=NOW) is None


def test_none_input() -> None:
    assert parse_date(None, WIB) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Shapes the fast path does not know, rescued by dateparser.
        ("06-10-2025 19:26", "2025-10-06T19:26:00+07:00"),
        ("6 Oktober 2025 jam 7 malam", None),  # dateparser cannot read it either
    ],
)
def test_fallback_to_dateparser(raw: str, expected: str | None) -> None:
    assert parse_date_fast(raw, WIB, now=NOW) is None
    assert _iso(parse_date(raw, WIB, now=NOW)) == expected


def test_rejected_shapes_skip_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A recognised but impossible date is final; no millisecond wasted in dateparser."""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("dateparser should not be called")

    monkeypatch.setattr(dates_module, "parse_date_dateparser", fail)
    assert parse_date("31 Februari 2025 10:00", WIB, now=NOW) is None
    assert parse_date("3 bulan lalu", WIB, now=NOW) is None
    assert _iso(parse_date("Senin, 6 Oktober 2025 19:26 WIB", WIB, now=NOW)) == (
        "2025-10-06T19:26:00+07:00"
    )


def test_now_defaults_to_current_time() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    got = parse_date("baru saja", WITA)
    after = datetime.now(UTC)
    assert got is not None
    assert before <= got <= after
    assert got.utcoffset() == timedelta(hours=8)


def test_now_in_another_zone_is_the_same_instant() -> None:
    now_utc = NOW.astimezone(UTC)
    assert _iso(parse_date("2 jam lalu", WIB, now=now_utc)) == "2025-10-06T18:00:00+07:00"


def test_naive_now_is_site_local() -> None:
    naive = datetime(2025, 10, 6, 20, 0, 0)
    assert _iso(parse_date("2 jam lalu", WITA, now=naive)) == "2025-10-06T18:00:00+08:00"


def test_result_tzinfo_is_the_site_zone() -> None:
    got = parse_date("2025-10-06T10:00:00Z", WITA, now=NOW)
    assert got is not None
    assert got.tzinfo is WITA


def test_dateparser_parser_is_cached_per_fetch_time() -> None:
    dates_module._dateparser_for.cache_clear()
    for raw in ("06-10-2025 19:26", "07-10-2025 19:26", "2 jam lalu"):
        parse_date_dateparser(raw, WIB, now=NOW)
    info = dates_module._dateparser_for.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_fast_path_does_not_import_dateparser() -> None:
    code = (
        "import sys\n"
        "from datetime import datetime\n"
        "from newscrawl.dates import parse_date\n"
        "from newscrawl.sites import WIB\n"
        "now = datetime(2025, 10, 6, 20, tzinfo=WIB)\n"
        "assert parse_date('Senin, 6 Oktober 2025 19:26 WIB', WIB, now=now)\n"
        "assert parse_date('2 jam lalu', WIB, now=now)\n"
        "assert parse_date('31 Februari 2025', WIB, now=now) is None\n"
        "assert 'dateparser' not in sys.modules, 'dateparser imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# --- to_iso ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dt", "expected"),
    [
        (datetime(2025, 10, 6, 19, 26, tzinfo=WIB), "2025-10-06T19:26:00+07:00"),
        (datetime(2025, 10, 6, 19, 26, 5, 999999, tzinfo=WITA), "2025-10-06T19:26:05+08:00"),
        (datetime(2025, 1, 2, 3, 4, 5, tzinfo=WIT), "2025-01-02T03:04:05+09:00"),
        (datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC), "2025-01-02T03:04:05+00:00"),
        (
            datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone(-timedelta(hours=3, minutes=30))),
            "2025-01-02T03:04:05-03:30",
        ),
    ],
)
def test_to_iso(dt: datetime, expected: str) -> None:
    assert to_iso(dt) == expected


def test_to_iso_never_uses_z() -> None:
    got = parse_date("2025-10-06T10:00:00Z", UTC, now=NOW)
    assert got is not None
    assert to_iso(got) == "2025-10-06T10:00:00+00:00"


def test_to_iso_refuses_naive() -> None:
    with pytest.raises(ValueError, match="aware"):
        to_iso(datetime(2025, 10, 6, 19, 26))


# --- properties ------------------------------------------------------------------------------

SITE_ZONES = st.sampled_from([WIB, WITA, WIT])
LOCAL_TIMES = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 12, 31))
FETCH_TIMES = st.datetimes(
    min_value=datetime(2005, 1, 1), max_value=datetime(2035, 12, 31), timezones=SITE_ZONES
)

# Every spelling the fast path must read, per weekday (Monday = 0) and month.
DAY_SPELLINGS = [
    ["Senin", "SENIN", "senin", "Monday", "Mon"],
    ["Selasa", "Tuesday", "Tue"],
    ["Rabu", "Wednesday", "Wed"],
    ["Kamis", "Thursday", "Thu"],
    ["Jumat", "Jum'at", "Jum’at", "JUMAT", "Friday", "Fri"],
    ["Sabtu", "Saturday", "Sat"],
    ["Minggu", "Ahad", "Sunday", "Sun"],
]
MONTH_SPELLINGS = {
    1: ["Januari", "Jan", "January", "JANUARI"],
    2: ["Februari", "Feb", "Pebruari", "February"],
    3: ["Maret", "Mar", "March"],
    4: ["April", "Apr"],
    5: ["Mei", "May"],
    6: ["Juni", "Jun", "June"],
    7: ["Juli", "Jul", "July"],
    8: ["Agustus", "Agu", "Agt", "Ags", "Aug", "August"],
    9: ["September", "Sep", "Sept"],
    10: ["Oktober", "Okt", "Oct", "October"],
    11: ["November", "Nov", "Nopember"],
    12: ["Desember", "Des", "Dec", "December"],
}
ZONE_SPELLINGS = {
    "WIB": ["WIB", "wib", "Wib"],
    "WITA": ["WITA", "wita", "Wita"],
    "WIT": ["WIT", "wit", "Wit"],
}


@st.composite
def text_dates(draw: st.DrawFn) -> tuple[str, tzinfo, datetime]:
    """ "Tayang: Senin, 6 Oktober 2025 19:26 WIB" and its variants, with the expected instant."""
    site = draw(SITE_ZONES)
    local = draw(LOCAL_TIMES).replace(second=0, microsecond=0)
    with_time = draw(st.booleans())
    if not with_time:
        local = local.replace(hour=0, minute=0)
    zone = draw(st.sampled_from([None, "WIB", "WITA", "WIT"])) if with_time else None
    space = draw(st.sampled_from([" ", "\xa0"]))

    parts = [draw(st.sampled_from(["", "Tayang: ", "Tayang : ", "tayang:"]))]
    # Mostly the right weekday, sometimes a wrong one: the date must win either way.
    weekday = draw(st.one_of(st.just(local.weekday()), st.integers(0, 6)))
    day_name = draw(st.sampled_from(["", *DAY_SPELLINGS[weekday]]))
    if day_name:
        parts.append(day_name + draw(st.sampled_from([",", ""])) + space)
    day = draw(st.sampled_from([str(local.day), f"{local.day:02d}"]))
    month = draw(st.sampled_from(MONTH_SPELLINGS[local.month]))
    parts.append(f"{day}{space}{month}{space}{local.year}")
    if with_time:
        hour = draw(st.sampled_from([f"{local.hour:02d}", str(local.hour)]))
        time_sep = draw(st.sampled_from([":", "."]))
        parts.append(draw(st.sampled_from([space, " | ", " - ", ", ", " pukul "])))
        parts.append(f"{hour}{time_sep}{local.minute:02d}")
    if zone:
        parts.append(space + draw(st.sampled_from(ZONE_SPELLINGS[zone])))
    raw = "".join(parts) + draw(st.sampled_from(["", " ", "\xa0", "\n"]))
    expected = local.replace(tzinfo=ZONES[zone] if zone else site).astimezone(site)
    return raw, site, expected


@st.composite
def iso_dates(draw: st.DrawFn) -> tuple[str, tzinfo, datetime]:
    """JSON-LD / time[datetime] / time[title] ISO forms, with the expected instant."""
    site = draw(SITE_ZONES)
    local = draw(LOCAL_TIMES).replace(microsecond=0)
    form = draw(st.sampled_from(["offset", "offset-minutes", "z", "naive", "space", "date"]))
    src = draw(st.sampled_from([WIB, WITA, WIT]))
    if form == "offset":
        raw = local.replace(tzinfo=src).isoformat()
    elif form == "offset-minutes":
        local = local.replace(second=0)
        raw = local.replace(tzinfo=src).isoformat(timespec="minutes")
    elif form == "z":
        src = UTC
        raw = local.strftime("%Y-%m-%dT%H:%M:%SZ")
    elif form == "naive":
        src = site
        raw = local.strftime("%Y-%m-%dT%H:%M:%S")
    elif form == "space":
        src = site
        raw = local.strftime("%Y-%m-%d %H:%M:%S")
    else:
        src = site
        local = local.replace(hour=0, minute=0, second=0)
        raw = local.strftime("%Y-%m-%d")
    return raw, site, local.replace(tzinfo=src).astimezone(site)


@st.composite
def numeric_dates(draw: st.DrawFn) -> tuple[str, tzinfo, datetime]:
    """Body-text "Minggu (13/10/2024)" forms: day/month/year, midnight in the site's zone."""
    site = draw(SITE_ZONES)
    local = draw(LOCAL_TIMES).replace(hour=0, minute=0, second=0, microsecond=0)
    day = draw(st.sampled_from([str(local.day), f"{local.day:02d}"]))
    month = draw(st.sampled_from([str(local.month), f"{local.month:02d}"]))
    prefix = draw(st.sampled_from(["", f"{DAY_SPELLINGS[local.weekday()][0]} "]))
    return f"{prefix}({day}/{month}/{local.year})", site, local.replace(tzinfo=site)


@st.composite
def relative_dates(draw: st.DrawFn) -> tuple[str, tzinfo, datetime, datetime]:
    """Listing "N menit/jam/hari/minggu lalu", counted back from the fetch time."""
    site = draw(SITE_ZONES)
    now = draw(FETCH_TIMES)
    unit, step = draw(
        st.sampled_from(
            [
                ("menit", timedelta(minutes=1)),
                ("jam", timedelta(hours=1)),
                ("hari", timedelta(days=1)),
                ("minggu", timedelta(weeks=1)),
            ]
        )
    )
    n = draw(st.integers(min_value=1, max_value=59))
    raw = f"{n} {unit}{draw(st.sampled_from([' ', ' yang ']))}lalu" + draw(
        st.sampled_from(["", " "])
    )
    expected = now.astimezone(site).replace(microsecond=0) - n * step
    return raw, site, now, expected


PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)
ABSOLUTE_NOW = datetime(2036, 1, 1, tzinfo=WIB)  # after every generated date


def _check(raw: str, site: tzinfo, now: datetime, expected: datetime) -> None:
    fast = parse_date_fast(raw, site, now=now)
    assert fast is not None, raw
    assert fast == expected, raw
    assert fast.utcoffset() == site.utcoffset(None), raw
    assert to_iso(fast) == to_iso(expected), raw
    # Where dateparser reads the string too, it must agree to the second.
    slow = parse_date_dateparser(raw, site, now=now)
    if slow is not None:
        assert to_iso(slow) == to_iso(fast), raw


@PROPERTY_SETTINGS
@given(text_dates())
def test_property_text_dates(case: tuple[str, tzinfo, datetime]) -> None:
    raw, site, expected = case
    _check(raw, site, ABSOLUTE_NOW, expected)


@PROPERTY_SETTINGS
@given(iso_dates())
def test_property_iso_dates(case: tuple[str, tzinfo, datetime]) -> None:
    raw, site, expected = case
    _check(raw, site, ABSOLUTE_NOW, expected)


@PROPERTY_SETTINGS
@given(numeric_dates())
def test_property_numeric_dates(case: tuple[str, tzinfo, datetime]) -> None:
    raw, site, expected = case
    _check(raw, site, ABSOLUTE_NOW, expected)


@PROPERTY_SETTINGS
@given(relative_dates())
def test_property_relative_dates(case: tuple[str, tzinfo, datetime, datetime]) -> None:
    raw, site, now, expected = case
    _check(raw, site, now, expected)


@st.composite
def dates_without_day(draw: st.DrawFn) -> str:
    """Month + year, optionally with a day name, time and zone, but no day of the month."""
    local = draw(LOCAL_TIMES)
    parts = [draw(st.sampled_from(["", "Tayang: "]))]
    parts.append(draw(st.sampled_from(["", f"{DAY_SPELLINGS[local.weekday()][0]}, "])))
    parts.append(f"{draw(st.sampled_from(MONTH_SPELLINGS[local.month]))} {local.year}")
    if draw(st.booleans()):
        parts.append(f" {local.hour:02d}:{local.minute:02d}")
        parts.append(draw(st.sampled_from(["", " WIB", " WITA", " WIT"])))
    return "".join(parts)


@settings(max_examples=50, deadline=None)
@given(dates_without_day(), SITE_ZONES)
def test_property_no_day_no_date(raw: str, site: tzinfo) -> None:
    """Neither path may fill in a missing day of the month."""
    assert parse_date_fast(raw, site, now=ABSOLUTE_NOW) is None
    assert parse_date(raw, site, now=ABSOLUTE_NOW) is None
