"""Tribun date strings → aware datetimes in the site's own zone.

Every article and listing carries its dates as text ("Tayang: Senin, 3 November 2025 19:26 WIB",
"2024-01-23 17:01:36", "32 menit lalu", JSON-LD ISO 8601; docs/site-structure.md §1.4, §4.1, §4.6).
A crawl reads thousands of them, and dateparser costs about a millisecond each, so a small
regex-and-dict fast path handles every shape seen on the site and dateparser (Indonesian only) is
kept as a fallback for the rest, imported lazily so that the fast path never pays for it.

Both paths follow the same product rules:

* an explicit zone in the string (WIB/WITA/WIT, UTC/GMT/Z or a numeric offset) fixes the
  instant; a string without one is read in the site's zone; the result is always converted
  to the site's zone;
* a day is never invented: month + year, a bare time, "3 bulan lalu" or an impossible date
  (31 Februari) give ``None`` rather than a guess;
* relative strings ("2 jam lalu", "kemarin") count back from the fetch time ``now``.
"""

from __future__ import annotations

import enum
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from newscrawl.sites import WIB, WIT, WITA

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["parse_date", "parse_date_dateparser", "parse_date_fast", "to_iso"]

_UTC: Final = UTC


class _Verdict(enum.Enum):
    """Fast-path answer for a string whose shape it knows but whose date is unusable.

    Telling "not a date" apart from "not my format" lets ``parse_date`` skip a pointless
    millisecond in dateparser, and keeps dateparser from guessing where the rules say None.
    """

    REJECT = enum.auto()


_REJECT: Final = _Verdict.REJECT

# --- vocabulary ------------------------------------------------------------------------------

_MONTHS: Final[dict[str, int]] = {
    # Indonesian, full, plus the old spellings Pebruari/Nopember still found in archives.
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "nopember": 11,
    "desember": 12,
    # Indonesian abbreviations (Agustus has three in the wild).
    "jan": 1,
    "feb": 2,
    "peb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
    # English (RSS pubDate, English-language pages).
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "aug": 8,
    "october": 10,
    "oct": 10,
    "december": 12,
    "dec": 12,
}

# Day names are checked only to tell a date line from other text; the date itself wins when
# they disagree (a mistyped day name must not move an article to another day).
_DAY_NAMES: Final[frozenset[str]] = frozenset(
    {
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",  # also "Jum'at" / "Jum’at": apostrophes are removed before the lookup
        "sabtu",
        "minggu",
        "ahad",
        "sen",
        "sel",
        "rab",
        "kam",
        "jum",
        "sab",
        "min",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    }
)

_ZONE_NAMES: Final[dict[str, tzinfo]] = {
    "wib": WIB,
    "wita": WITA,
    "wit": WIT,
    "utc": _UTC,
    "gmt": _UTC,
    "z": _UTC,
}

_RELATIVE_UNITS: Final[dict[str, timedelta]] = {
    "detik": timedelta(seconds=1),
    "menit": timedelta(minutes=1),
    "jam": timedelta(hours=1),
    "hari": timedelta(days=1),
    "minggu": timedelta(weeks=1),
    "pekan": timedelta(weeks=1),
}
# Month and year steps are too coarse to name a day ("3 bulan lalu" is anywhere in a month).
_COARSE_UNITS: Final[frozenset[str]] = frozenset({"bulan", "tahun"})

_NOW_WORDS: Final[frozenset[str]] = frozenset(
    {"baru saja", "barusan", "detik lalu", "beberapa detik lalu", "beberapa detik yang lalu"}
)
_YESTERDAY_WORDS: Final[frozenset[str]] = frozenset({"kemarin"})

# --- patterns --------------------------------------------------------------------------------
# Python's str regexes treat non-breaking spaces as \s, so "\s" also covers U+00A0 / U+202F.

_LABEL = (
    r"(?:(?:tayang|diterbitkan|dipublikasikan|dipublikasi|terbit|diperbarui|diupdate"
    r"|update[d]?|published|posted)\s*:\s*)?"
)
_DAY_NAME = r"(?:(?P<dname>[^\W\d_]{3,9}(?:['’`][^\W\d_]{1,3})?)\.?\s*,?\s*)?"
_TIME = (
    r"(?:(?:\s*[,|\-–—]\s*|\s+)(?:(?:pukul|pkl\.?|jam)\s*)?"
    r"(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<ss>\d{2}))?)?"
)
_ZONE = (
    r"(?:\s*(?:(?P<zname>wita|wib|wit|utc|gmt)"
    r"|(?:(?:utc|gmt)\s*)?(?P<off>[+-]\d{1,2}(?::?\d{2})?)))?"
)

# "Senin, 6 Oktober 2025 19:26 WIB", "Jum'at, 9 Okt 2020 13.52", "Mon, 06 Oct 2025 19:26:00 +0700"
_TEXT_DATE: Final = re.compile(
    r"^"
    + _LABEL
    + _DAY_NAME
    + r"(?P<d>\d{1,2})(?:\s*[-/]\s*|\s+)(?P<mon>[^\W\d_]{3,9})\.?(?:\s*[-/]\s*|\s+)(?P<y>\d{4})"
    + _TIME
    + _ZONE
    + r"$",
    re.IGNORECASE,
)
# "(13/10/2024)", "Minggu (13/10/2024)", "13/10/2024 19:26": day/month/year, Indonesian order.
_NUMERIC_DATE: Final = re.compile(
    r"^"
    + _LABEL
    + _DAY_NAME
    + r"(?P<open>\(\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?(open)\s*\))"
    + _TIME
    + _ZONE
    + r"$",
    re.IGNORECASE,
)
# JSON-LD / time[datetime] / time[title] / sitemaps: ISO 8601 in its extended form only.
_ISO_DATE: Final = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T\s](?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2})(?:[.,](?P<frac>\d{1,9}))?)?)?"
    r"\s*(?:(?P<z>z)|(?P<off>[+-]\d{2}(?::?\d{2})?))?$",
    re.IGNORECASE,
)
# "32 menit lalu", "2 jam yang lalu", "sehari lalu", "3 bulan lalu" (the last is rejected).
_RELATIVE: Final = re.compile(
    r"^(?P<n>\d{1,4}\s*|se|satu\s+)?(?P<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun)"
    r"\s+(?:yang\s+)?lalu$",
    re.IGNORECASE,
)
_APOSTROPHES: Final = re.compile(r"['’`]")


# --- fast path -------------------------------------------------------------------------------


def parse_date_fast(raw: str, tz: tzinfo, *, now: datetime | None = None) -> datetime | None:
    """Parse the date shapes Tribun actually prints with regexes and dict lookups only.

    No dateparser import and no locale machinery: a few microseconds per string. Returns
    None both for strings it does not recognise and for recognised but unusable ones.
    """
    result = _parse_fast(raw, tz, now)
    return None if result is _REJECT else result


def _parse_fast(raw: str, tz: tzinfo, now: datetime | None) -> datetime | _Verdict | None:
    """Dispatch on the string's first characters so that most strings try one regex."""
    s = raw.strip()
    if not s:
        return _REJECT
    if s[0].isdigit():
        if s[4:5] == "-":
            m = _ISO_DATE.match(s)
            return _from_iso(m, tz) if m else None
        if m := _TEXT_DATE.match(s):
            return _from_text(m, tz)
        if m := _NUMERIC_DATE.match(s):
            return _from_numeric(m, tz)
        if m := _RELATIVE.match(s):
            return _from_relative(m, tz, now)
        return None
    if m := _TEXT_DATE.match(s):
        return _from_text(m, tz)
    if m := _NUMERIC_DATE.match(s):
        return _from_numeric(m, tz)
    lowered = " ".join(s.lower().split())
    if lowered in _NOW_WORDS:
        return _local_now(now, tz)
    if lowered in _YESTERDAY_WORDS:
        return _local_now(now, tz) - timedelta(days=1)
    if m := _RELATIVE.match(lowered):
        return _from_relative(m, tz, now)
    return None


def _from_text(m: re.Match[str], tz: tzinfo) -> datetime | _Verdict | None:
    """Build from "6 Oktober 2025 19:26 WIB"; unknown words fall through to dateparser."""
    month = _MONTHS.get(m["mon"].lower())
    if month is None or not _known_day_name(m["dname"]):
        return None
    return _build(int(m["y"]), month, int(m["d"]), m, tz)


def _from_numeric(m: re.Match[str], tz: tzinfo) -> datetime | _Verdict | None:
    """Build from "(13/10/2024)": Indonesian day/month/year order, date only → midnight."""
    if not _known_day_name(m["dname"]):
        return None
    return _build(int(m["y"]), int(m["m"]), int(m["d"]), m, tz)


def _from_iso(m: re.Match[str], tz: tzinfo) -> datetime | _Verdict:
    """Build from ISO 8601; "Z" and numeric offsets are honoured, no offset means site zone."""
    src = _UTC if m["z"] else (_offset_zone(m["off"]) if m["off"] else tz)
    if src is None:
        return _REJECT
    frac = m["frac"]
    micro = int(frac[:6].ljust(6, "0")) if frac else 0
    hh, mi, ss = m["hh"], m["mi"], m["ss"]
    return _make(
        int(m["y"]),
        int(m["m"]),
        int(m["d"]),
        int(hh) if hh else 0,
        int(mi) if mi else 0,
        int(ss) if ss else 0,
        micro,
        src,
        tz,
    )


def _from_relative(m: re.Match[str], tz: tzinfo, now: datetime | None) -> datetime | _Verdict:
    """Count back from the fetch time; month/year steps are too vague to name a day."""
    unit = m["unit"].lower()
    if unit in _COARSE_UNITS:
        return _REJECT
    n_text = (m["n"] or "").strip().lower()
    if not n_text:
        # "detik lalu" is how the site says "just now"; a bare "minggu lalu" may also be
        # "last Sunday" and "jam lalu" names no amount, so neither is a usable date.
        return _local_now(now, tz) if unit == "detik" else _REJECT
    n = 1 if n_text in {"se", "satu"} else int(n_text)
    try:
        return _local_now(now, tz) - n * _RELATIVE_UNITS[unit]
    except OverflowError:
        return _REJECT


def _known_day_name(name: str | None) -> bool:
    if name is None:
        return True
    key = name.lower()
    if key in _DAY_NAMES:
        return True
    return _APOSTROPHES.sub("", key) in _DAY_NAMES


def _build(year: int, month: int, day: int, m: re.Match[str], tz: tzinfo) -> datetime | _Verdict:
    """Combine date parts with the optional time and zone groups shared by the text patterns."""
    zname, off = m["zname"], m["off"]
    if zname:
        src: tzinfo | None = _ZONE_NAMES[zname.lower()]
    elif off:
        src = _offset_zone(off)
    else:
        src = tz
    if src is None:
        return _REJECT
    hh, mi, ss = m["hh"], m["mi"], m["ss"]
    return _make(
        year,
        month,
        day,
        int(hh) if hh else 0,
        int(mi) if mi else 0,
        int(ss) if ss else 0,
        0,
        src,
        tz,
    )


def _make(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    micro: int,
    src: tzinfo,
    tz: tzinfo,
) -> datetime | _Verdict:
    """Validate via the datetime constructor (31 Februari, 25:00 → reject) and convert to tz."""
    try:
        dt = datetime(year, month, day, hour, minute, second, micro, tzinfo=src)
        return dt if src is tz else dt.astimezone(tz)
    except (ValueError, OverflowError):
        return _REJECT


@lru_cache(maxsize=64)
def _offset_zone(text: str) -> tzinfo | None:
    """'+07:00' / '+0700' / '+7' → a fixed zone (WIB/WITA/WIT objects reused), None if absurd."""
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    elif len(digits) == 4:
        hours, minutes = int(digits[:2]), int(digits[2:])
    else:
        return None
    if minutes >= 60 or hours >= 24:
        return None
    offset = sign * timedelta(hours=hours, minutes=minutes)
    for known in (WIB, WITA, WIT, _UTC):
        if known.utcoffset(None) == offset:
            return known
    return timezone(offset)


def _local_now(now: datetime | None, tz: tzinfo) -> datetime:
    """The fetch time in the site's zone, to the second (no source string is finer).

    A naive ``now`` is taken to be site-local time rather than rejected, since that is the
    only reading a caller could have meant.
    """
    if now is None:
        return datetime.now(tz).replace(microsecond=0)
    if now.tzinfo is None:
        return now.replace(tzinfo=tz, microsecond=0)
    return now.astimezone(tz).replace(microsecond=0)


# --- dateparser fallback ---------------------------------------------------------------------

# dateparser reads the labels and "Jum'at" as unknown words and gives up, so strip them first.
_DP_LABEL: Final = re.compile(r"^" + _LABEL, re.IGNORECASE)
# Longer strings are paragraphs picked up by a loose selector; finding "a" date in them is
# guesswork, and dateparser time grows with length.
_DP_MAX_LEN: Final = 80
# Periods that pin a day; "month"/"year"/"quarter" come from "3 bulan lalu" and the like.
_DP_DAY_PERIODS: Final[frozenset[str]] = frozenset({"day", "week", "time"})


def parse_date_dateparser(raw: str, tz: tzinfo, *, now: datetime | None = None) -> datetime | None:
    """Parse with dateparser (Indonesian), configured to never fill in missing date parts.

    This is the slow, broad fallback (~1 ms per string) for shapes the fast path does not
    know; the settings make it follow the same rules: all of day, month and year required,
    naive strings read in the site zone, relative strings counted back from ``now``.
    """
    s = " ".join(raw.split())
    s = _APOSTROPHES.sub("", _DP_LABEL.sub("", s))
    if not s or len(s) > _DP_MAX_LEN:
        return None
    local_now = _local_now(now, tz)
    offset = local_now.utcoffset()
    if offset is None:  # pragma: no cover - astimezone always yields an offset
        return None
    data = _dateparser_for(_offset_text(offset), local_now.replace(tzinfo=None)).get_date_data(s)
    if data.date_obj is None or data.period not in _DP_DAY_PERIODS:
        return None
    dt = data.date_obj
    if dt.tzinfo is None:  # pragma: no cover - RETURN_AS_TIMEZONE_AWARE makes it aware
        dt = dt.replace(tzinfo=tz)
    return dt.astimezone(tz)


@lru_cache(maxsize=16)
def _dateparser_for(offset: str, relative_base: datetime) -> DateDataParser:
    """One DateDataParser per (site offset, fetch time), built once and reused.

    dateparser fixes RELATIVE_BASE when the parser is built and offers no per-call override,
    so the fetch time is part of the key; all dates of one page share it. Building one costs
    ~12 µs against ~1 ms per parse, and the Indonesian locale data is loaded only once.
    """
    from dateparser.date import DateDataParser  # lazy: keep it off the fast path

    return DateDataParser(
        languages=["id"],
        settings={
            # Site zone for naive strings, result in the site zone, always aware.
            "TIMEZONE": offset,
            "TO_TIMEZONE": offset,
            "RETURN_AS_TIMEZONE_AWARE": True,
            # Never fill in a missing day, month or year from the current date.
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "DMY",
            "RELATIVE_BASE": relative_base,
        },
    )


def _offset_text(offset: timedelta) -> str:
    """timedelta(hours=7) → '+0700', the offset form dateparser's TIMEZONE accepts."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{minutes:02d}"


# --- public entry points ---------------------------------------------------------------------


def parse_date(raw: str | None, tz: tzinfo, *, now: datetime | None = None) -> datetime | None:
    """Fast path first, dateparser (languages=['id']) as fallback.

    Returns an aware datetime converted to ``tz`` (the site's zone), or None when the string
    holds no usable date. A string the fast path recognises but rejects (31 Februari,
    "3 bulan lalu") is not retried: dateparser would only spend a millisecond to guess.
    """
    if raw is None:
        return None
    result = _parse_fast(raw, tz, now)
    if result is _REJECT:
        return None
    if result is not None:
        return result
    return parse_date_dateparser(raw, tz, now=now)


def to_iso(dt: datetime) -> str:
    """'YYYY-MM-DDTHH:MM:SS+07:00': seconds precision, colon in the offset, never 'Z'.

    One spelling for every stored date, so exported dates compare and sort as strings within
    a site. Naive datetimes are refused: an offset-less date in the output would be a bug.
    """
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"to_iso needs an aware datetime, got {dt!r}")
    return dt.isoformat(timespec="seconds")
