"""Analyst CSV: the latest revision of every article of a date range, one row each.

``newscrawl export --since 2025-10-01 --until 2025-10-07 --site solo,makassar --out oct.csv``
reads the per-run JSON Lines files ``<data dir>/<site>/<run date>/*.jsonl`` (and ``.jsonl.gz``),
keeps for each URL the line with the highest ``revision`` (ties: the latest ``crawled_at``), keeps
the articles whose publication date (the site's local date) falls in the range, and writes one
CSV:

- UTF-8 with a byte-order mark (Excel then reads é, ’, “ ” correctly), ``\\r\\n`` row ends;
- the columns of ``newscrawl.items.ArticleItem`` in declaration order, header first;
- ``authors`` and ``tags`` joined with "; ", booleans as ``true``/``false``, missing as empty;
- line breaks inside a body are kept; such cells are quoted (``csv.QUOTE_MINIMAL``), which
  Excel, LibreOffice and Python's ``csv`` module all read back as one cell;
- **formula injection**: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return is prefixed with an apostrophe (``'``), so a spreadsheet shows it as text instead of
  evaluating it (a title such as ``=HYPERLINK(...)`` or ``-5 persen`` would otherwise be run or
  mangled). The apostrophe is visible in the value when the CSV is read by a program; turn it off
  with ``--no-neutralise`` (setting ``NEWSCRAWL_CSV_NEUTRALISE_FORMULAS = False``) when the CSV
  is for code rather than people.

Run directories are named by the date the run started, and an article can be crawled the day
after it was published (the nightly run fetches yesterday and today) or updated later still, so
every run directory from one day before ``since`` onwards is read. Lines that are not valid JSON
objects with a ``url`` are skipped and counted; the command says so on stderr.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from newscrawl.exporters import LIST_SEPARATOR
from newscrawl.feeds import open_feed_file
from newscrawl.items import ARTICLE_FIELDS
from newscrawl.sites import SITES

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_DATE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FEED_NAME = re.compile(r"^[^.].*\.jsonl(?:\.gz)?$")


@dataclass(slots=True)
class ExportStats:
    """What an export read and wrote."""

    files: list[Path] = field(default_factory=list)
    lines: int = 0
    invalid: list[tuple[Path, int]] = field(default_factory=list)
    articles: int = 0
    out_of_range: int = 0


def find_feed_files(
    data_dir: Path,
    sites: Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,  # unused: later run directories can hold revisions
) -> list[Path]:
    """Output files under ``data_dir/<site>/<run date>/`` that may hold articles of the range."""
    wanted = set(sites) if sites else None
    earliest = since - timedelta(days=1) if since else None
    found: list[Path] = []
    if not data_dir.is_dir():
        return found
    for site_dir in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        if site_dir.name not in SITES or (wanted is not None and site_dir.name not in wanted):
            continue
        for day_dir in sorted(p for p in site_dir.iterdir() if p.is_dir()):
            if not _DATE_DIR.match(day_dir.name):
                continue
            if earliest is not None and date.fromisoformat(day_dir.name) < earliest:
                continue
            found.extend(
                sorted(p for p in day_dir.iterdir() if p.is_file() and _FEED_NAME.match(p.name))
            )
    return found


def read_records(files: Iterable[Path], stats: ExportStats) -> Iterator[dict[str, Any]]:
    """Every valid item line of ``files``; invalid lines are recorded in ``stats.invalid``."""
    for path in files:
        stats.files.append(path)
        try:
            with open_feed_file(path) as fh:
                for number, raw in enumerate(fh, start=1):
                    if not raw.strip():
                        continue
                    stats.lines += 1
                    try:
                        record = json.loads(raw)
                    except ValueError:
                        record = None
                    if not isinstance(record, dict) or not isinstance(record.get("url"), str):
                        stats.invalid.append((path, number))
                        continue
                    yield record
        except (OSError, EOFError):  # a damaged .gz: count its remainder as one bad line
            stats.invalid.append((path, 0))


def _revision_key(record: dict[str, Any]) -> tuple[int, str]:
    try:
        revision = int(record.get("revision") or 1)
    except (TypeError, ValueError):
        revision = 1
    return revision, str(record.get("crawled_at") or "")


def latest_revisions(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One record per URL: the highest revision, ties broken by the latest ``crawled_at``."""
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        url = record["url"]
        kept = latest.get(url)
        if kept is None or _revision_key(record) > _revision_key(kept):
            latest[url] = record
    return latest


def published_local_date(record: dict[str, Any]) -> date | None:
    """The publication date in the site's own zone (the offset ``published_at`` carries)."""
    value = record.get("published_at")
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def in_range(record: dict[str, Any], since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    day = published_local_date(record)
    if day is None:
        return False
    return (since is None or day >= since) and (until is None or day <= until)


def _sort_key(record: dict[str, Any]) -> tuple[float, str, str]:
    # Chronological across zones (+07:00 and +08:00 strings do not sort as text); undated last.
    try:
        moment = datetime.fromisoformat(str(record.get("published_at"))).timestamp()
    except ValueError:
        moment = float("inf")
    return moment, str(record.get("site") or ""), record["url"]


def cell(value: Any, *, neutralise: bool = True) -> str:
    """One CSV cell: lists joined with "; ", booleans true/false, None empty, formulas defused."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list | tuple):
        text = LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    else:
        text = str(value)
    if neutralise and text.startswith(FORMULA_PREFIXES):
        text = "'" + text
    return text


def row(record: dict[str, Any], *, neutralise: bool = True) -> list[str]:
    return [cell(record.get(name), neutralise=neutralise) for name in ARTICLE_FIELDS]


def write_csv(records: Iterable[dict[str, Any]], out: Path, *, neutralise: bool = True) -> int:
    """Write the header and one row per record to ``out`` (atomically); return the row count."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    count = 0
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(ARTICLE_FIELDS)
        for record in records:
            writer.writerow(row(record, neutralise=neutralise))
            count += 1
    tmp.replace(out)
    return count


def export(
    data_dir: Path,
    out: Path,
    *,
    sites: Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    neutralise: bool = True,
) -> ExportStats:
    """Find, read, keep the latest revisions in range, sort and write; return what happened."""
    stats = ExportStats()
    files = find_feed_files(data_dir, sites, since, until)
    latest = latest_revisions(read_records(files, stats))
    if sites:
        latest = {u: r for u, r in latest.items() if r.get("site") in set(sites)}
    kept = [r for r in latest.values() if in_range(r, since, until)]
    stats.out_of_range = len(latest) - len(kept)
    kept.sort(key=_sort_key)
    stats.articles = write_csv(kept, out, neutralise=neutralise)
    return stats
