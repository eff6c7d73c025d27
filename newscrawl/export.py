"""Analyst CSV: the latest revision of every article of a date range, one row each.

``newscrawl export --since 2025-10-01 --until 2025-10-07 --site solo,makassar --out oct.csv``
reads the per-run JSON Lines files ``<data dir>/<site>/<run date>/*.jsonl`` (and ``.jsonl.gz``),
keeps for each URL the line with the highest ``revision`` (ties: the latest ``crawled_at``), keeps
the articles whose publication date (the site's local date) falls in the range, and writes one
CSV through ``newscrawl.exporters.ArticleCsvItemExporter``, the same writer as ``scrapy crawl -O
x.csv`` (UTF-8 with BOM, CRLF, item field order, list cells joined with "; " and escaped,
booleans ``true``/``false``, text cells starting with ``=``, ``+``, ``-``, ``@``, tab or CR
prefixed with an apostrophe unless ``--no-neutralise``).

``--out`` may be a symbolic link (the file it points at is replaced, the link stays) or a
device or FIFO such as ``/dev/stdout`` (written straight through); a directory, an empty name
or a missing directory is a one-line error and nothing is created.

``--dedupe-syndicated`` keeps one row per original story (:func:`dedupe_syndicated`): copies
whose ``syndicated_from`` names an article of the export fold into it, copies of an original
the export lacks fold into the earliest of them; the summary line says how many were folded.

Run directories are named by the date the run started, and an article can be crawled the day
after it was published (the nightly run fetches yesterday and today) or updated later still, so
every run directory from one day before ``since`` onwards is read. Lines that are not valid JSON
objects with a ``url`` are skipped and counted; the command says so on stderr.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from newscrawl import urls
from newscrawl.exporters import ArticleCsvItemExporter
from newscrawl.feeds import open_feed_file
from newscrawl.sites import SITES

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
    folded: int = 0
    """Syndicated copies left out by ``--dedupe-syndicated``."""


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


_DOMAIN_TAIL = re.compile(r"\.(?:com|co|id|net)(?:\.id)?$")
_NOT_WORD = re.compile(r"[\W_]+")


def site_label(name: str | None) -> str:
    """A site as a copy footer or the site table may write it, in one form:
    "TribunJateng.com", "Tribunjateng.com" and "Tribun Jateng" → ``tribunjateng``."""
    text = _DOMAIN_TAIL.sub("", (name or "").strip().casefold())
    return _NOT_WORD.sub("", text)


def title_key(title: str | None) -> str:
    """A title compared word by word: case, punctuation and spacing aside."""
    return " ".join(_NOT_WORD.sub(" ", (title or "").casefold()).split())


def _record_labels(record: dict[str, Any]) -> set[str]:
    site = SITES.get(str(record.get("site") or ""))
    names = [record.get("site_name"), *((site.brand, site.name) if site else ())]
    return {label for label in map(site_label, names) if label}


def _footer_url(footer: dict[str, Any]) -> str | None:
    url = footer.get("url")
    if not isinstance(url, str) or not url:
        return None
    return urls.canonical_article_url(url) if urls.is_article_url(url) else url


def _earliest_key(record: dict[str, Any]) -> tuple[float, str, str]:
    published = _sort_key(record)[0]
    return published, str(record.get("crawled_at") or ""), record["url"]


def dedupe_syndicated(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """One record per original story; returns (kept records, copies folded).

    A record whose ``syndicated_from`` names another story is a copy. Its original is the
    record with the footer's URL (canonical form), failing that the record whose title and
    site match the footer's title and site name; a copy whose original is not among
    ``records`` is grouped with the other copies of the same footer (title and site, else
    URL) and the earliest published of them stands for the story. A record without a footer,
    or whose footer names itself, is an original. Order of the kept records is kept.
    """
    by_url = {r["url"]: r for r in records}
    by_title: dict[tuple[str, str], str] = {}
    for record in records:
        for label in _record_labels(record):
            by_title.setdefault((label, title_key(record.get("title"))), record["url"])
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for record in records:
        groups.setdefault(_story_key(record, by_url, by_title), []).append(record)
    keep: set[str] = set()
    for key, members in groups.items():
        if key[0] == "url" and key[1] in by_url:
            keep.add(key[1])  # the original was crawled
        else:
            keep.add(min(members, key=_earliest_key)["url"])
    kept = [r for r in records if r["url"] in keep]
    return kept, len(records) - len(kept)


def _story_key(
    record: dict[str, Any],
    by_url: dict[str, dict[str, Any]],
    by_title: dict[tuple[str, str], str],
) -> tuple[str, ...]:
    """Which story ``record`` tells: ("url", URL of a crawled original or of itself), or
    the footer's ("title", site, title) / ("link", URL) when the original is not here."""
    footer = record.get("syndicated_from")
    if not isinstance(footer, dict):
        return ("url", record["url"])
    link = _footer_url(footer)
    if link is not None and link in by_url:
        return ("url", link)
    site, title = site_label(footer.get("site_name")), title_key(footer.get("title"))
    if title and (site, title) in by_title:
        return ("url", by_title[(site, title)])
    if title:
        return ("title", site, title)
    if link is not None:
        return ("link", link)
    return ("url", record["url"])  # a footer naming only a site: nothing to fold by


class OutputError(Exception):
    """``--out`` cannot be written: a directory, an empty name, a missing or read-only place."""


def resolve_output(out: Path) -> tuple[Path, bool]:
    """Where to write for ``--out``: ``(path, atomic)``.

    A symbolic link is followed, so the file it points at is replaced and the link stays a
    link. A path that exists and is not a regular file (``/dev/stdout``, a named pipe, a
    terminal) is written straight through, never replaced by a file. Anything else gets the
    usual temporary file next to it and a rename. A directory, an empty name or a missing
    parent directory is an ``OutputError`` raised before anything is created.
    """
    if not str(out).strip():
        raise OutputError("--out is empty")
    if out.is_dir():
        raise OutputError(f"{out} is a directory")
    if out.exists() and not out.is_file():
        # A device or a FIFO (through any links): open the name as given and write through;
        # /dev/stdout's link target (/proc/self/fd/1 → "pipe:[…]") is not a path to rename to.
        return out, False
    target = Path(os.path.realpath(out))  # follows every link, even a dangling one
    if not target.parent.is_dir():
        raise OutputError(f"directory {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK):
        raise OutputError(f"directory {target.parent} is not writable")
    return target, True


def write_csv(records: Iterable[dict[str, Any]], out: Path, *, neutralise: bool = True) -> int:
    """Write the header and one row per record to ``out``; return the row count.

    A regular file (or the file a link points at) is written as ``.<name>.part`` and renamed
    into place, so a reader never sees half a file and a failure leaves nothing behind.
    """
    target, atomic = resolve_output(out)
    tmp = target.with_name(f".{target.name}.part") if atomic else target
    try:
        with tmp.open("wb") as fh:
            exporter = ArticleCsvItemExporter(fh, neutralise_formulas=neutralise)
            exporter.start_exporting()
            count = exporter.export_rows(records)
            exporter.finish_exporting()
        if atomic:
            tmp.replace(target)
    except OSError as exc:
        if atomic:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
    return count


def export(
    data_dir: Path,
    out: Path,
    *,
    sites: Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    neutralise: bool = True,
    dedupe: bool = False,
) -> ExportStats:
    """Find, read, keep the latest revisions in range, sort and write; return what happened.

    With ``dedupe``, syndicated copies among the rows to write are folded
    (:func:`dedupe_syndicated`; originals are looked for among those same rows)."""
    stats = ExportStats()
    files = find_feed_files(data_dir, sites, since, until)
    latest = latest_revisions(read_records(files, stats))
    if sites:
        latest = {u: r for u, r in latest.items() if r.get("site") in set(sites)}
    kept = [r for r in latest.values() if in_range(r, since, until)]
    stats.out_of_range = len(latest) - len(kept)
    if dedupe:
        kept, stats.folded = dedupe_syndicated(kept)
    kept.sort(key=_sort_key)
    stats.articles = write_csv(kept, out, neutralise=neutralise)
    return stats
