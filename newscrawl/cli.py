"""The ``newscrawl`` command: ``nightly`` (the cron entry point), ``export``, ``check-live``,
``reset-state``.

``newscrawl nightly`` is a thin wrapper over ``scrapy crawl tribun``: it uses the project's
Scrapy settings (``-s NAME=VALUE`` passes more, exactly as with ``scrapy crawl``) and the
spider's own arguments, and adds what an unattended run needs:

1. a lock (``fcntl.flock`` on ``<data dir>/nightly.lock``), taken before Scrapy is even
   imported, so an overlapping run exits at once with code 3;
2. incremental state on, news sitemaps on, one JSON Lines file per site for this run
   (``<data dir>/<site>/<YYYY-MM-DD>/tribun-<YYYYmmddTHHMMSS>.jsonl``, ``--gzip`` → ``.jsonl.gz``),
   written under a temporary name and renamed when complete (``newscrawl.feeds``); stale
   ``.part`` files of killed runs are removed once the lock is held;
3. the full log in ``<data dir>/runs/<YYYY-MM-DD>/tribun-<time>.log`` and warnings on stderr;
   a live progress line on stderr when it is a terminal (not with ``--quiet``);
4. the run report ``<data dir>/runs/<YYYY-MM-DD>/tribun-<time>.report.json`` and one summary
   line on stdout; the exit code says whether the run was healthy.

Exit codes (all subcommands): 0 healthy/done, 1 unhealthy run (a monitor failed: see the report),
2 usage or configuration error, 3 another run holds the lock.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from newscrawl.params import MAX_WINDOW_SETTING, TribunParams

EXIT_OK = 0
EXIT_UNHEALTHY = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3

SPIDER_NAME = "tribun"
DEFAULT_DATA_DIR = "data"
LOCK_NAME = "nightly.lock"
RUNS_DIR = "runs"


class CliError(Exception):
    """A usage or configuration error: one line on stderr, exit code 2."""


class LockHeld(Exception):
    """Another run holds the lock."""


# --- lock -------------------------------------------------------------------------------------
@contextlib.contextmanager
def run_lock(path: Path, *, create_parent: bool = True) -> Iterator[IO[str]]:
    """Hold an exclusive, non-blocking ``flock`` on ``path`` for the duration of the block.

    The lock dies with the process (a ``kill -9`` cannot leave it held); the file itself stays
    and records the holder's pid and start time for the message another run prints.
    """
    if create_parent:
        path.parent.mkdir(parents=True, exist_ok=True)
    fh = path.open("a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown holder"
            raise LockHeld(f"{path} is held by {holder}") from None
        fh.seek(0)
        fh.truncate()
        fh.write(
            f"pid {os.getpid()} since {datetime.now().astimezone().isoformat(timespec='seconds')}\n"
        )
        fh.flush()
        yield fh
    finally:
        fh.close()  # closing the descriptor releases the lock


# --- argument parsing -------------------------------------------------------------------------
def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {value!r}") from None


def _setting(value: str) -> tuple[str, str]:
    name, sep, val = value.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {value!r}")
    return name.strip(), val


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscrawl",
        description="Crawl the Tribun Network incrementally and export analyst CSVs.",
        epilog="Exit codes: 0 ok, 1 unhealthy run, 2 usage/configuration error, 3 lock held.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    nightly = sub.add_parser(
        "nightly",
        help="incremental crawl for cron: lock, per-run files, report, health exit code",
        description="Run `scrapy crawl tribun` incrementally with a lock, per-run output files, "
        "a run report and a health exit code (0 ok, 1 unhealthy, 2 usage, 3 lock held).",
    )
    nightly.add_argument("--site", default="www", help="site keys, comma-separated (default www)")
    nightly.add_argument("--since", help="first local date YYYY-MM-DD (default yesterday)")
    nightly.add_argument("--until", help="last local date YYYY-MM-DD (default today)")
    nightly.add_argument("--sections", help="extra sections to walk, comma-separated")
    nightly.add_argument("--data-dir", type=Path, help="output, state, logs (default ./data)")
    nightly.add_argument("--gzip", action="store_true", help="write .jsonl.gz output files")
    nightly.add_argument(
        "--reset-state", action="store_true", help="forget all exported articles first"
    )
    nightly.add_argument("--lock-file", type=Path, help="default <data dir>/nightly.lock")
    nightly.add_argument(
        "-s",
        "--set",
        dest="settings",
        action="append",
        default=[],
        type=_setting,
        metavar="NAME=VALUE",
        help="Scrapy setting, as with `scrapy crawl -s` (repeatable)",
    )
    nightly.add_argument("--quiet", action="store_true", help="no live progress on a terminal")

    export = sub.add_parser(
        "export",
        help="write the latest revision of each article of a date range to one CSV",
        description="Read the per-run JSON Lines files and write one analyst CSV "
        "(UTF-8 with BOM, latest revision per article, formula cells neutralised).",
    )
    export.add_argument("--data-dir", type=Path, help="default ./data")
    export.add_argument("--since", type=_day, help="first publication date (site's local date)")
    export.add_argument("--until", type=_day, help="last publication date (site's local date)")
    export.add_argument("--site", help="site keys, comma-separated (default all)")
    export.add_argument(
        "--out",
        help="CSV file, or a link to one, or a device such as /dev/stdout "
        "(default <data dir>/exports/…csv)",
    )
    export.add_argument(
        "--no-neutralise",
        action="store_true",
        help="do not prefix cells starting with = + - @ with an apostrophe",
    )
    export.add_argument(
        "--dedupe-syndicated",
        action="store_true",
        help="one row per original story: copies whose copy footer names an exported article "
        "fold into it, other copies of one story into the earliest",
    )

    live = sub.add_parser(
        "check-live",
        help="smoke-check one site live: field coverage and boilerplate left on today's articles",
        description="Crawl the first index page of a day and its first articles of one site "
        "(honours https_proxy) and print per-field coverage and any boilerplate phrase left "
        "in the bodies. Exit 0 healthy, 1 problems found, 2 site unreachable (offline?).",
    )
    live.add_argument("--site", required=True, help="one site key, e.g. solo")
    live.add_argument("--date", type=_day, help="index date (default today in the site's zone)")
    live.add_argument("--articles", type=int, default=5, help="articles to check (1-50, default 5)")

    reset = sub.add_parser(
        "reset-state",
        help="forget every exported article (the next run fetches everything again)",
    )
    reset.add_argument("--data-dir", type=Path, help="default ./data")
    reset.add_argument("--state-path", type=Path, help="default <data dir>/state.sqlite3")
    reset.add_argument("--lock-file", type=Path, help="default <data dir>/nightly.lock")

    demo = sub.add_parser(
        "demo",
        help="crawl the bundled offline replica (4 sites, 3 zones, 2025-10-05..06) to JSONL + CSV",
    )
    demo.add_argument("--out", type=Path, default=Path("data/demo"), help="default ./data/demo")
    return parser


# --- settings ---------------------------------------------------------------------------------
def project_settings() -> Any:
    """The project's Scrapy settings, wherever cron starts us (no scrapy.cfg needed)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    from scrapy.utils.project import get_project_settings

    return get_project_settings()


def _data_dir(explicit: Path | None, settings: Any | None = None) -> Path:
    if explicit is not None:
        return explicit
    if settings is not None and settings.get("NEWSCRAWL_DATA_DIR"):
        return Path(settings.get("NEWSCRAWL_DATA_DIR"))
    return Path(DEFAULT_DATA_DIR)


# --- nightly ----------------------------------------------------------------------------------
def cmd_nightly(args: argparse.Namespace) -> int:
    from newscrawl import settings as defaults  # plain module: the lock check stays instant

    try:
        # -s may raise the window limit for a backfill; the spider checks it again.
        max_days = int(
            dict(args.settings).get(MAX_WINDOW_SETTING, defaults.NEWSCRAWL_MAX_WINDOW_DAYS)
        )
        params = TribunParams.parse(
            args.site, args.since, args.until, args.sections, max_window_days=max_days
        )
    except ValueError as exc:  # ParamsError, or a -s NEWSCRAWL_MAX_WINDOW_DAYS that is no int
        raise CliError(str(exc)) from None
    data_dir = _data_dir(args.data_dir).resolve()
    lock_file = args.lock_file or data_dir / LOCK_NAME
    try:
        with run_lock(lock_file):
            return _nightly_locked(args, params, data_dir)
    except LockHeld as exc:
        print(
            f"newscrawl nightly: another run is in progress ({exc}); exiting without crawling",
            file=sys.stderr,
        )
        return EXIT_LOCKED
    except OSError as exc:
        raise CliError(f"cannot use data directory {data_dir}: {exc}") from None


def _nightly_locked(args: argparse.Namespace, params: TribunParams, data_dir: Path) -> int:
    from newscrawl.feeds import remove_stale_parts

    for stale in remove_stale_parts(data_dir):
        print(f"newscrawl nightly: removed {stale} left by an interrupted run", file=sys.stderr)

    started = datetime.now().astimezone()
    stamp = started.strftime("%Y%m%dT%H%M%S")
    run_day = started.date().isoformat()
    run_dir = data_dir / RUNS_DIR / run_day
    run_dir.mkdir(parents=True, exist_ok=True)
    log_file = run_dir / f"tribun-{stamp}.log"
    report_file = run_dir / f"tribun-{stamp}.report.json"
    run_id = f"{stamp}-{os.getpid()}"
    extension = ".jsonl.gz" if args.gzip else ".jsonl"
    outputs = {
        s.key: data_dir / s.key / run_day / f"tribun-{stamp}{extension}" for s in params.sites
    }
    feed_options: dict[str, Any] = {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}
    if args.gzip:
        feed_options["postprocessing"] = ["scrapy.extensions.postprocessing.GzipPlugin"]
    feeds = {
        str(path): {
            **feed_options,
            "item_filter": "newscrawl.feeds.SiteItemFilter",
            "newscrawl_site": site,
        }
        for site, path in outputs.items()
    }
    progress = sys.stderr.isatty() and not args.quiet

    settings = project_settings()
    overrides: dict[str, Any] = {
        "NEWSCRAWL_DATA_DIR": str(data_dir),
        "NEWSCRAWL_STATE_ENABLED": True,
        "NEWSCRAWL_STATE_RESET": bool(args.reset_state),
        "NEWSCRAWL_SITEMAPS": True,
        "SPIDERMON_ENABLED": True,
        "NEWSCRAWL_RUN_ID": run_id,
        "NEWSCRAWL_PROGRESS_INTERVAL": (
            (settings.getfloat("NEWSCRAWL_PROGRESS_INTERVAL") or 10.0) if progress else 0
        ),
        "FEEDS": feeds,
        "LOG_FILE": str(log_file),
        "LOG_FILE_APPEND": False,
        "LOG_LEVEL": "INFO",
        # Drops are expected and counted by reason in the stats and the report; at WARNING
        # they would fill the cron mail.
        "DEFAULT_DROPITEM_LOG_LEVEL": "INFO",
    }
    settings.setdict(overrides, priority="cmdline")
    for name, value in args.settings:
        settings.set(name, value, priority="cmdline")
    if not settings.get("NEWSCRAWL_DATA_DIR"):
        raise CliError("NEWSCRAWL_DATA_DIR is empty")
    _check_state(settings)

    from newscrawl.report import RunInfo, build_report, summary_line, write_report

    try:
        crawler, stats, opened = _crawl(
            settings, params, console_level=logging.ERROR if args.quiet else logging.WARNING
        )
    except CliError:
        raise
    except Exception as exc:  # the crawl could not even start: settings, spider, reactor
        raise CliError(f"could not start the crawl: {type(exc).__name__}: {exc}") from exc

    from newscrawl.monitors import COVERAGE_SETTINGS
    from newscrawl.statedb import state_path

    info = RunInfo(
        run_id=run_id,
        started_at=started,
        finished_at=datetime.now().astimezone(),
        sites=[s.key for s in params.sites],
        window={
            s.key: tuple(d.isoformat() for d in params.window(s))  # type: ignore[misc]
            for s in params.sites
        },
        outputs=[Path(p) for p in opened] or list(outputs.values()),
        log_file=log_file,
        state_path=state_path(crawler.settings),
        thresholds={
            field: crawler.settings.getfloat(name) for field, name in COVERAGE_SETTINGS.items()
        },
    )
    report = build_report(stats, info)
    write_report(report, report_file)
    print(summary_line(report) + f" | report {report_file}", flush=True)
    return int(report["exit_code"])


def _check_state(settings: Any) -> None:
    """Refuse to crawl over a state file SQLite cannot read (before fetching anything).

    An empty (0-byte) or missing state is fine: the crawl re-imports the output files already
    under the data directory (``newscrawl.statedb.StateDB.import_unknown_files``).
    """
    import sqlite3

    from newscrawl.statedb import StateDB, state_path

    path = state_path(settings)
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        StateDB(
            path, create=False, timeout=settings.getfloat("NEWSCRAWL_STATE_TIMEOUT", 30)
        ).close()
    except sqlite3.DatabaseError as exc:
        raise CliError(
            f"state {path} is unusable ({exc}); if it is damaged, move it aside with its "
            "-wal/-shm files and run again: the state is rebuilt from the output files"
        ) from None


class _ConsoleFormatter(logging.Formatter):
    """One line per record on the console; tracebacks stay in the log file."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)
        record.exc_info = record.exc_text = record.stack_info = None
        lines = [line for line in super().format(record).splitlines() if line.strip()]
        return lines[0] if lines else ""


def _not_spidermon(record: logging.LogRecord) -> bool:
    # Spidermon's multi-line failure blocks are in the log file; the console gets the
    # summary line, which names every failed monitor.
    return not str(record.msg).startswith("[Spidermon]")


def _crawl(
    settings: Any, params: TribunParams, *, console_level: int
) -> tuple[Any, dict[str, Any], list[str]]:
    """Run the spider in this process; return the crawler, its final stats, the files opened."""
    from scrapy.crawler import AsyncCrawlerProcess

    from newscrawl.feeds import feed_file_opened

    process = AsyncCrawlerProcess(settings)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(console_level)
    console.setFormatter(_ConsoleFormatter("%(asctime)s [%(name)s] %(levelname)s: %(message)s"))
    console.addFilter(_not_spidermon)
    logging.getLogger().addHandler(console)
    opened: list[str] = []

    def _opened(path: str) -> None:
        if path not in opened:
            opened.append(path)

    try:
        crawler = process.create_crawler(SPIDER_NAME)
        crawler.signals.connect(_opened, signal=feed_file_opened, weak=False)
        spider_args = {
            "site": ",".join(s.key for s in params.sites),
            "since": params.since.isoformat() if params.since else None,
            "until": params.until.isoformat() if params.until else None,
            "sections": ",".join(params.sections) or None,
        }
        task = process.crawl(crawler, **{k: v for k, v in spider_args.items() if v is not None})
        process.start()
    finally:
        logging.getLogger().removeHandler(console)
    failure = task.exception() if task.done() and not task.cancelled() else None
    stats: dict[str, Any] = {}
    with contextlib.suppress(RuntimeError):  # no stats collector: failed before settings
        stats = dict(crawler.stats.get_stats())
    if failure is not None:
        if "start_time" not in stats:
            # Raised while building the spider or its components: settings, arguments.
            raise CliError(f"could not start the crawl: {type(failure).__name__}: {failure}")
        stats["newscrawl/crash"] = f"{type(failure).__name__}: {failure}"
    return crawler, stats, opened


# --- export -----------------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    from newscrawl.export import OutputError, export, resolve_output
    from newscrawl.sites import parse_site_keys

    if args.since and args.until and args.since > args.until:
        raise CliError(f"since ({args.since}) is after until ({args.until})")
    sites = None
    if args.site:
        try:
            sites = [s.key for s in parse_site_keys(args.site)]
        except ValueError as exc:
            raise CliError(str(exc)) from None
    data_dir = _data_dir(args.data_dir)
    if not data_dir.is_dir():
        raise CliError(f"no data directory {data_dir}")
    if args.out is not None:
        if not args.out.strip():
            raise CliError("--out is empty")
        out = Path(args.out)
    else:
        out = data_dir / "exports" / f"tribun-{args.since or 'start'}_{args.until or 'end'}.csv"
        try:
            out.parent.mkdir(exist_ok=True)
        except OSError as exc:
            raise CliError(f"cannot create {out.parent}: {exc.strerror or exc}") from None
    neutralise = not args.no_neutralise and project_settings().getbool(
        "NEWSCRAWL_CSV_NEUTRALISE_FORMULAS", True
    )
    try:
        _, to_file = resolve_output(out)  # checked before reading anything
        stats = export(
            data_dir,
            out,
            sites=sites,
            since=args.since,
            until=args.until,
            neutralise=neutralise,
            dedupe=args.dedupe_syndicated,
        )
    except OutputError as exc:
        raise CliError(str(exc)) from None
    if stats.invalid:
        shown = ", ".join(f"{p}:{n}" for p, n in stats.invalid[:5])
        more = f" and {len(stats.invalid) - 5} more" if len(stats.invalid) > 5 else ""
        print(
            f"newscrawl export: skipped {len(stats.invalid)} invalid line(s): {shown}{more}",
            file=sys.stderr,
        )
    print(
        f"newscrawl export: {stats.articles} article(s) from {stats.lines} line(s) in "
        f"{len(stats.files)} file(s) → {out}"
        + (f", folded {stats.folded} syndicated copies" if args.dedupe_syndicated else "")
        + ("" if neutralise else " (formula neutralisation off)"),
        # Written through to a device such as /dev/stdout: keep the CSV alone on it.
        file=sys.stdout if to_file else sys.stderr,
    )
    return EXIT_OK


# --- check-live -------------------------------------------------------------------------------
def cmd_check_live(args: argparse.Namespace) -> int:
    """Live smoke check of one site (``newscrawl.checklive``)."""
    from newscrawl.checklive import SiteUnreachable, run_check, today_at
    from newscrawl.sites import parse_site_keys

    try:
        sites = parse_site_keys(args.site)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if len(sites) != 1:
        raise CliError("--site takes one site key")
    if not 1 <= args.articles <= 50:
        raise CliError("--articles must be between 1 and 50")
    site = sites[0]
    day = args.date or today_at(site)
    try:
        report = run_check(project_settings(), site, day, args.articles)
    except SiteUnreachable as exc:
        print(f"newscrawl check-live: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print("\n".join(report.lines()))
    return EXIT_UNHEALTHY if report.problems else EXIT_OK


# --- reset-state ------------------------------------------------------------------------------
def cmd_reset_state(args: argparse.Namespace) -> int:
    """Forget every exported article; a missing data directory is an error, never created."""
    import sqlite3

    data_dir = _data_dir(args.data_dir).resolve()
    if not data_dir.is_dir():
        # A mistyped --data-dir must not become an empty new data directory.
        raise CliError(f"no data directory {data_dir}")
    path = args.state_path or data_dir / "state.sqlite3"
    try:
        with run_lock(args.lock_file or data_dir / LOCK_NAME, create_parent=False):
            if not path.exists():
                print(f"newscrawl reset-state: no state at {path}; nothing to forget")
                return EXIT_OK
            from newscrawl.statedb import StateDB

            with StateDB(path, create=False) as db:
                forgotten = db.reset(data_dir)
            print(f"newscrawl reset-state: forgot {forgotten} article(s) in {path}")
            return EXIT_OK
    except LockHeld as exc:
        print(
            f"newscrawl reset-state: a run is in progress ({exc}); not resetting", file=sys.stderr
        )
        return EXIT_LOCKED
    except sqlite3.DatabaseError as exc:
        raise CliError(
            f"cannot reset {path}: {exc}; if the file is damaged, move it aside (with its "
            "-wal/-shm files): the next nightly run rebuilds the state from the output files"
        ) from None
    except OSError as exc:
        raise CliError(f"cannot use data directory {data_dir}: {exc.strerror or exc}") from None


def cmd_demo(args: argparse.Namespace) -> int:
    from newscrawl.demo import run_demo

    return run_demo(args.out)


COMMANDS = {
    "nightly": cmd_nightly,
    "export": cmd_export,
    "check-live": cmd_check_live,
    "reset-state": cmd_reset_state,
    "demo": cmd_demo,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newscrawl`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)  # usage errors exit 2 here
    try:
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"newscrawl {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
