"""Which of a page's date strings is its publication date (``dates.py`` reads one string).

A Tribun page states its date several times (JSON-LD, meta tags, ``dataLayer``, ``time``
elements, the "Tayang:" box), not always in the same zone or precision (docs/site-structure.md
§1.4). The page object lists the candidates strongest first; this module picks one:
the first that parses as a full date, unless it names no zone and a later candidate that does
disagrees with it (a zone-less string read in the site's zone can be an hour off on WITA/WIT
sites).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import tzinfo

from newscrawl.dates import parse_date

# A date string that names its zone: WIB/WITA/WIT, a numeric offset or Z.
_ZONED = re.compile(r"(?:\bWI(?:B|TA|T)\b|[+-]\d{2}:?\d{2}|\dZ)\s*\)?\s*$", re.IGNORECASE)
# "Tayang: …" and its synonyms label the visible date box (2025–2026).
_LABEL = re.compile(r"^\s*(?:tayang|diterbitkan|dipublikasikan)\s*:?\s*", re.IGNORECASE)
# A visible publication date with a time ("Senin, 6 Oktober 2025 19:26 WIB"), for pages whose
# date box is marked up in no known way; a time is required so the header's crawl date
# ("Selasa, 13 Oktober 2020", no time) never matches.
_TEXT_DATE = re.compile(
    r"(?:(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),?\s+)?\d{1,2}\s+"
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des)\w*\s+\d{4}[,\s|]+(?:pukul\s+)?"
    r"\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?",
    re.IGNORECASE,
)


def strip_label(text: str) -> str:
    """ "Tayang: Senin, 3 November 2025 19:26 WIB" → the date part."""
    return _LABEL.sub("", text)


def find_text_date(text: str) -> str | None:
    """A dated-and-timed Indonesian date written anywhere in ``text``."""
    m = _TEXT_DATE.search(text)
    return m.group(0) if m else None


def names_zone(raw: str) -> bool:
    """True when the string says its own zone (WIB/WITA/WIT, an offset, ``Z``)."""
    return _ZONED.search(raw) is not None


def choose_published(candidates: Sequence[str], tz: tzinfo) -> str | None:
    """The candidate to believe: the first that parses, unless it names no zone and the next
    one that names a zone disagrees by a minute or more (its own precision)."""
    for i, raw in enumerate(candidates):
        moment = parse_date(raw, tz)
        if moment is None:
            continue
        if not names_zone(raw):
            # A zone-less string (dataLayer "2025-10-06 19:26:00") is read in the site's
            # zone; a later string that names its zone ("… 19:26 WITA") decides when
            # they disagree by more than its minute precision (§1.4 zone notes).
            for other in candidates[i + 1 :]:
                if names_zone(other):
                    zoned = parse_date(other, tz)
                    if zoned is not None and abs((zoned - moment).total_seconds()) >= 60:
                        return other
                    if zoned is not None:
                        break
        return raw
    return None


def first_readable(candidates: Iterable[str], tz: tzinfo) -> str | None:
    """The first candidate that parses as a full date, as written."""
    for raw in candidates:
        if parse_date(raw, tz) is not None:
            return raw
    return None
