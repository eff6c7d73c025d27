"""The state database: one SQLite file indexing the articles that per-run output files hold.

The storage layer of ``newscrawl.state`` (which holds the Scrapy components): schema, content
hashes, runs and their files, recovery and re-import from the output files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.settings import BaseSettings

from newscrawl.feeds import open_feed_file

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
STATE_COMMITTED_STAT = "newscrawl/state/committed"
STATE_FAILED_STAT = "newscrawl/state/failed"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    url           TEXT PRIMARY KEY,
    site          TEXT,
    content_hash  TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    published_at  TEXT,
    first_seen    TEXT NOT NULL,
    last_seen     TEXT NOT NULL,
    last_changed  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    run_id        TEXT PRIMARY KEY,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    status        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS run_files (
    run_id        TEXT NOT NULL,
    path          TEXT NOT NULL,
    PRIMARY KEY (run_id, path)
);
CREATE TABLE IF NOT EXISTS files (
    path          TEXT PRIMARY KEY,
    recorded_at   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);
"""

_SPACES = re.compile(r"\s+")


def content_hash(title: str | None, body: str | None) -> str:
    """SHA-256 of title and body with whitespace runs collapsed (re-wrapping is not a change)."""
    norm = [_SPACES.sub(" ", value or "").strip() for value in (title, body)]
    return hashlib.sha256("\n\x00\n".join(norm).encode("utf-8")).hexdigest()


def utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def state_path(settings: BaseSettings) -> Path:
    """``NEWSCRAWL_STATE_PATH``, else ``<NEWSCRAWL_DATA_DIR>/state.sqlite3``."""
    explicit = settings.get("NEWSCRAWL_STATE_PATH")
    if explicit:
        return Path(explicit)
    return Path(settings.get("NEWSCRAWL_DATA_DIR") or "data") / "state.sqlite3"


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What the state knows about one exported article."""

    url: str
    site: str | None
    content_hash: str
    revision: int
    published_at: str | None
    first_seen: str
    last_seen: str
    last_changed: str

    def reference_time(self) -> datetime | None:
        """The instant the re-check window is measured from: publication, else first seen."""
        for value in (self.published_at, self.first_seen):
            if not value:
                continue
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                continue
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return None


class StateDB:
    """The SQLite state file. Every write is one transaction; reads are primary-key lookups."""

    def __init__(
        self, path: str | os.PathLike[str], *, create: bool = True, timeout: float = 30
    ) -> None:
        self.path = Path(path)
        #: The file existed but was empty (0 bytes): SQLite takes that as a new database.
        self.was_empty = self.path.is_file() and self.path.stat().st_size == 0
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            target: str | Path = self.path
        else:
            target = f"{self.path.resolve().as_uri()}?mode=rw"
        # isolation_level=None: explicit BEGIN/COMMIT, so a multi-row write is one transaction.
        self.conn = sqlite3.connect(target, isolation_level=None, timeout=timeout, uri=not create)
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.executescript(_SCHEMA)
            self.conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # --- articles ---------------------------------------------------------------------------
    def lookup(self, url: str) -> ArticleState | None:
        row = self.conn.execute("SELECT * FROM articles WHERE url = ?", (url,)).fetchone()
        return ArticleState(**dict(row)) if row else None

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def reset(self, data_dir: Path | None = None) -> int:
        """Forget every article and run; return how many articles were forgotten.

        The output files already under ``data_dir`` are recorded as known, so the next run does
        not re-import what was just forgotten (see ``import_unknown_files``).
        """
        files = _output_files(data_dir)
        now = utc_now_iso()
        with self.transaction() as conn:
            forgotten = int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
            conn.execute("DELETE FROM articles")
            conn.execute("DELETE FROM runs")
            conn.execute("DELETE FROM run_files")
            conn.executemany(
                "INSERT OR IGNORE INTO files (path, recorded_at) VALUES (?, ?)",
                ((str(p), now) for p in files),
            )
        return forgotten

    # --- output files -------------------------------------------------------------------------
    def known_files(self) -> set[str]:
        return {r["path"] for r in self.conn.execute("SELECT path FROM files")}

    def import_unknown_files(self, data_dir: Path) -> tuple[list[Path], int]:
        """Re-import the output files under ``data_dir`` this state has no record of.

        Every committed (or recovered) run records its output files. A file the state does not
        know means the state does not match what was written: the state file was emptied
        (0 bytes), deleted, restored from an old copy or belongs to another data directory. The
        files are the truth, so their rows are upserted (the highest revision wins) and the
        files recorded; without this every article would be exported again as revision 1.
        Return the files imported and the number of rows read from them.
        """
        known = self.known_files()
        unknown = [p for p in _output_files(data_dir) if str(p) not in known]
        if not unknown:
            return [], 0
        rows = [row for path in unknown for row in _rows_from_feed(path)]
        now = utc_now_iso()
        with self.transaction() as conn:
            for row in rows:
                self._upsert(conn, row, now)
            conn.executemany(
                "INSERT OR IGNORE INTO files (path, recorded_at) VALUES (?, ?)",
                ((str(p), now) for p in unknown),
            )
        return unknown, len(rows)

    @staticmethod
    def _record_run_files(conn: sqlite3.Connection, run_id: str, now: str) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO files (path, recorded_at) "
            "SELECT path, ? FROM run_files WHERE run_id = ?",
            (now, run_id),
        )

    @staticmethod
    def _upsert(conn: sqlite3.Connection, row: ExportedRow, now: str) -> None:
        conn.execute(
            """
            INSERT INTO articles
                (url, site, content_hash, revision, published_at, first_seen, last_seen,
                 last_changed)
            VALUES (:url, :site, :content_hash, :revision, :published_at, :now, :now, :now)
            ON CONFLICT (url) DO UPDATE SET
                site = excluded.site,
                content_hash = excluded.content_hash,
                revision = excluded.revision,
                published_at = COALESCE(excluded.published_at, articles.published_at),
                last_seen = excluded.last_seen,
                last_changed = excluded.last_changed
            WHERE excluded.revision >= articles.revision
            """,
            {**row.as_params(), "now": now},
        )

    # --- runs ---------------------------------------------------------------------------------
    def start_run(self, run_id: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO runs (run_id, started_at, status) VALUES (?, ?, 'open')",
                (run_id, utc_now_iso()),
            )

    def register_file(self, run_id: str, path: str | os.PathLike[str]) -> None:
        """Record that ``run_id`` writes ``path`` (used to recover a run killed mid-commit)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO runs (run_id, started_at, status) VALUES (?, ?, 'open')",
                (run_id, utc_now_iso()),
            )
            conn.execute(
                "INSERT OR IGNORE INTO run_files (run_id, path) VALUES (?, ?)",
                (run_id, str(Path(path).resolve())),
            )

    def commit_run(
        self, run_id: str, exported: Iterable[ExportedRow], seen: Iterable[str] = ()
    ) -> int:
        """In one transaction: record the exported rows, touch ``last_seen`` of unchanged ones,
        and mark the run committed. Return the number of exported rows written."""
        now = utc_now_iso()
        written = 0
        with self.transaction() as conn:
            for row in exported:
                self._upsert(conn, row, now)
                written += 1
            conn.executemany(
                "UPDATE articles SET last_seen = ? WHERE url = ?", ((now, url) for url in seen)
            )
            conn.execute(
                "INSERT OR IGNORE INTO runs (run_id, started_at, status) VALUES (?, ?, 'open')",
                (run_id, now),
            )
            conn.execute(
                "UPDATE runs SET status = 'committed', finished_at = ? WHERE run_id = ?",
                (now, run_id),
            )
            self._record_run_files(conn, run_id, now)
            conn.execute("DELETE FROM run_files WHERE run_id = ?", (run_id,))
        return written

    def abandon_run(self, run_id: str) -> None:
        """Mark a run whose feeds failed: nothing it produced is recorded."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET status = 'failed', finished_at = ? WHERE run_id = ?",
                (utc_now_iso(), run_id),
            )

    def recover(self, *, exclude: str | None = None) -> int:
        """Re-import the rows of runs that wrote output files but never committed.

        A run killed after a feed file was moved into place but before its state transaction
        left that file behind; its lines are the truth. Files that do not exist (the run died
        before finishing them: only a ``.part`` is left) contribute nothing. Return the number
        of rows imported.
        """
        open_runs = [
            r["run_id"]
            for r in self.conn.execute("SELECT run_id FROM runs WHERE status = 'open'")
            if r["run_id"] != exclude
        ]
        imported = 0
        for run_id in open_runs:
            paths = [
                Path(r["path"])
                for r in self.conn.execute("SELECT path FROM run_files WHERE run_id = ?", (run_id,))
            ]
            rows = [row for path in paths if path.is_file() for row in _rows_from_feed(path)]
            now = utc_now_iso()
            with self.transaction() as conn:
                for row in rows:
                    self._upsert(conn, row, now)
                conn.execute(
                    "UPDATE runs SET status = 'recovered', finished_at = ? WHERE run_id = ?",
                    (now, run_id),
                )
                self._record_run_files(conn, run_id, now)
                conn.execute("DELETE FROM run_files WHERE run_id = ?", (run_id,))
            if rows:
                logger.warning(
                    "State: recovered %d article(s) from run %s, killed after writing %s",
                    len(rows),
                    run_id,
                    ", ".join(str(p) for p in paths if p.is_file()),
                )
            imported += len(rows)
        return imported


@dataclass(frozen=True, slots=True)
class ExportedRow:
    """A state row waiting for its item to be safely in the feed."""

    url: str
    site: str | None
    content_hash: str
    revision: int
    published_at: str | None

    def as_params(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "site": self.site,
            "content_hash": self.content_hash,
            "revision": self.revision,
            "published_at": self.published_at,
        }

    @classmethod
    def from_item(cls, item: Any) -> ExportedRow:
        adapter = ItemAdapter(item)
        return cls(
            url=adapter["url"],
            site=adapter.get("site"),
            content_hash=content_hash(adapter.get("title"), adapter.get("body")),
            revision=int(adapter.get("revision") or 1),
            published_at=adapter.get("published_at"),
        )


def _output_files(data_dir: Path | None) -> list[Path]:
    """The finished per-run output files under ``data_dir`` (absolute, resolved paths)."""
    if data_dir is None:
        return []
    from newscrawl.export import find_feed_files

    return [p.resolve() for p in find_feed_files(Path(data_dir))]


def _rows_from_feed(path: Path) -> list[ExportedRow]:
    rows: list[ExportedRow] = []
    try:
        with open_feed_file(path) as fh:
            for line in fh:
                try:
                    data = json.loads(line)
                    rows.append(ExportedRow.from_item(data))
                except (ValueError, KeyError, TypeError):
                    continue
    except (OSError, EOFError):
        logger.warning("State: could not read %s for recovery", path, exc_info=True)
    return rows
