"""``newscrawl nightly``: exit codes, the lock, and end-to-end runs over the offline replica.

The first part needs no server: usage errors, the lock, ``reset-state``. The ``e2e`` part runs
the real command in a subprocess against the replica (``tests/conftest.py::replica``), as cron
would, and checks the issue's acceptance criteria: a second run fetches no article page the
first exported and emits nothing; an edited article comes back exactly once as revision 2;
``kill -9`` at a random moment loses and duplicates nothing; two runs started together → one
exits 3 at once; a renamed date element makes the run exit 1 naming the failing coverage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newscrawl.cli import main, run_lock
from newscrawl.statedb import ExportedRow, StateDB

NEWSCRAWL = [sys.executable, "-m", "newscrawl.cli"]


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> Any:
    return subprocess.run(
        [*NEWSCRAWL, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


# --- no server needed --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--site", "nosuchsite"], "nosuchsite"),
        (["--since", "2025-13-01"], "since must be a date"),
        (["--since", "2025-10-06", "--until", "2025-10-05"], "is after until"),
        (["--sections", "bad section"], "sections must be"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["nightly", "--data-dir", str(tmp_path), *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1  # one line, no traceback
    assert not (tmp_path / "nightly.lock").exists()  # rejected before taking the lock


def test_bad_setting_exits_2(tmp_path: Path) -> None:
    result = run_cli(
        "nightly", "--site", "solo", "--data-dir", str(tmp_path), "-s", "NEWSCRAWL_RECHECK_DAYS=abc"
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "could not start the crawl: ValueError" in result.stderr
    assert result.stdout == ""


def test_argparse_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["nightly", "--no-such-option"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["nightly", "-s", "NOEQUALS"])
    assert exc.value.code == 2


def test_lock_held_exits_3_at_once(tmp_path: Path) -> None:
    with run_lock(tmp_path / "nightly.lock"):
        started = time.monotonic()
        result = run_cli("nightly", "--site", "solo", "--data-dir", str(tmp_path))
        elapsed = time.monotonic() - started
    assert result.returncode == 3
    assert "another run is in progress" in result.stderr
    assert f"pid {os.getpid()}" in result.stderr  # names the holder
    assert result.stdout == ""
    assert elapsed < 1.0, elapsed
    # Released with the holder: the lock can be taken again.
    with run_lock(tmp_path / "nightly.lock") as fh:
        assert fh.closed is False


def test_reset_state_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reset-state", "--data-dir", str(tmp_path)]) == 0
    assert "nothing to forget" in capsys.readouterr().out
    with StateDB(tmp_path / "state.sqlite3") as db:
        db.commit_run("r", [ExportedRow("https://solo.tribunnews.com/a", "solo", "h", 1, None)])
    with run_lock(tmp_path / "nightly.lock"):
        assert main(["reset-state", "--data-dir", str(tmp_path)]) == 3
    assert main(["reset-state", "--data-dir", str(tmp_path)]) == 0
    assert "forgot 1 article(s)" in capsys.readouterr().out
    with StateDB(tmp_path / "state.sqlite3") as db:
        assert db.count() == 0


def test_progress_line_and_switch() -> None:
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler

    from newscrawl.items import ArticleItem
    from newscrawl.progress import ProgressExtension

    with pytest.raises(NotConfigured):
        ProgressExtension.from_crawler(get_crawler(settings_dict={}))
    crawler = get_crawler(settings_dict={"NEWSCRAWL_PROGRESS_INTERVAL": 5})
    ext = ProgressExtension.from_crawler(crawler)
    for site in ("solo", "makassar", "solo"):
        ext.item_scraped(ArticleItem(url=f"https://{site}.tribunnews.com/x", site=site))
    crawler.stats.set_value("response_received_count", 12)
    crawler.stats.set_value("newscrawl/state/skipped_seen", 4)
    assert ext.line().split("] ", 1)[1] == (
        "pages 12 · articles 3 (makassar 1, solo 2) · skipped as seen 4 · errors 0"
    )


# --- end to end over the replica ---------------------------------------------------------------
SITES = "makassar,papua"
SINCE, UNTIL = "2025-10-05", "2025-10-06"
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from newscrawl.replica.server import ReplicaServer

    edits = tmp_path_factory.mktemp("replica") / "edits.json"
    edits.write_text("{}", encoding="utf-8")
    with ReplicaServer(port=0, edits=edits) as srv:
        srv.edits_path = edits  # type: ignore[attr-defined]
        yield srv


@pytest.fixture(scope="module")
def expected_urls() -> set[str]:
    from newscrawl.replica.content import expected_articles

    return {a.url for a in expected_articles(SITES, SINCE, UNTIL)}


def nightly(srv: Any, data: Path, *extra: str, timeout: float = 120) -> Any:
    args = ["nightly", "--site", SITES, "--since", SINCE, "--until", UNTIL, "--data-dir", str(data)]
    return run_cli(*args, *FAST, *extra, env=srv.env(), timeout=timeout)


def nightly_popen(srv: Any, data: Path, *extra: str) -> subprocess.Popen[str]:
    args = ["nightly", "--site", SITES, "--since", SINCE, "--until", UNTIL, "--data-dir", str(data)]
    return subprocess.Popen(
        [*NEWSCRAWL, *args, *FAST, *extra],
        env={**os.environ, **srv.env()},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def output_files(data: Path) -> list[Path]:
    return sorted(p for p in data.glob("*/*/*.jsonl") if p.parent.parent.name != "runs")


def read_items(paths: list[Path]) -> list[dict[str, Any]]:
    items = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            items.extend(json.loads(line) for line in fh)  # every line must be valid JSON
    return items


def last_report(data: Path) -> dict[str, Any]:
    reports = sorted(data.glob("runs/*/*.report.json"))
    return json.loads(reports[-1].read_text(encoding="utf-8"))


def article_requests(srv: Any) -> set[str]:
    return {
        f"https://{r['host']}{r['path']}"
        for r in srv.requests
        if not r["path"].startswith(("/index-news", "/robots.txt", "/sitemap"))
        and "sitemap" not in r["path"]
    }


@pytest.mark.e2e
def test_incremental_runs_and_revisions(
    server: Any, expected_urls: set[str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    server.reset_faults()

    # Run 1: everything in the window, once, revision 1.
    first = nightly(server, data)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.startswith("newscrawl nightly HEALTHY: sites makassar,papua | new 46")
    items = read_items(output_files(data))
    assert sorted(i["url"] for i in items) == sorted(expected_urls)
    assert {i["revision"] for i in items} == {1}
    assert {p.parent.parent.name for p in output_files(data)} == {"makassar", "papua"}
    assert all(
        i["site"] == p.parent.parent.name for p in output_files(data) for i in read_items([p])
    )
    report = last_report(data)
    assert report["counts"]["new"] == len(expected_urls)
    assert report["per_site"] == {"makassar": 28, "papua": 18}
    assert all(m["status"] in ("OK", "SKIPPED") for m in report["monitors"])
    assert article_requests(server) >= expected_urls

    # Run 2: listings again, but no article page the first run exported; nothing new.
    server.requests.clear()
    second = nightly(server, data)
    assert second.returncode == 0, second.stdout + second.stderr
    fetched = article_requests(server)
    assert not fetched & expected_urls
    assert any(r["path"].startswith("/index-news") for r in server.requests)
    report = last_report(data)
    assert report["counts"]["emitted"] == 0
    assert report["counts"]["skipped_seen"] == len(expected_urls)
    assert len(read_items(output_files(data))) == len(expected_urls)  # run 2 files are empty
    assert "skipped as seen 46" in second.stdout

    # Run 3: one article edited on the site; re-check everything → exactly one revision 2.
    edited = min(expected_urls)
    server.edits_path.write_text(
        json.dumps({edited: {"title": "Judul Diperbarui: “Koreksi” Redaksi"}}), encoding="utf-8"
    )
    try:
        third = nightly(server, data, "-s", "NEWSCRAWL_RECHECK_DAYS=100000")
    finally:
        server.edits_path.write_text("{}", encoding="utf-8")
    assert third.returncode == 0, third.stdout + third.stderr
    report = last_report(data)
    assert (report["counts"]["updated"], report["counts"]["new"]) == (1, 0)
    assert report["counts"]["unchanged"] == len(expected_urls) - 1
    run3 = read_items([Path(p) for p in report["outputs"]])
    assert len(run3) == 1
    (updated,) = run3
    assert (updated["url"], updated["revision"]) == (edited, 2)
    assert updated["title"] == "Judul Diperbarui: “Koreksi” Redaksi"
    assert updated["modified_at"]

    # The analyst CSV holds every article once, the edited one at revision 2.
    import csv

    out = tmp_path / "x.csv"
    code = main(
        [
            "export",
            "--data-dir",
            str(data),
            "--since",
            SINCE,
            "--until",
            UNTIL,
            "--out",
            str(out),
            "--no-neutralise",
        ]
    )
    assert code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["url"] for r in rows) == sorted(expected_urls)
    by_url = {r["url"]: r for r in rows}
    assert by_url[edited]["revision"] == "2"
    assert by_url[edited]["title"] == "Judul Diperbarui: “Koreksi” Redaksi"
    latest = {i["url"]: i for i in read_items(output_files(data)) if i["revision"] == 1}
    latest[edited] = updated
    for url, item in latest.items():  # every cell round-trips to the JSON value
        row = by_url[url]
        assert row["body"] == item["body"]
        assert row["authors"] == "; ".join(item["authors"] or [])
        assert row["is_partial"] == ("true" if item["is_partial"] else "false")
        assert row["word_count"] == str(item["word_count"])
        assert row["lead"] == (item["lead"] or "")


def _wait_until(condition: Any, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.002)


def _bytes_written(data: Path) -> int:
    """Bytes in output files so far, finished or still being written (``.part``)."""
    return sum(p.stat().st_size for p in data.rglob("*.jsonl*") if p.is_file())


@pytest.mark.e2e
def test_kill_9_then_normal_run_loses_and_duplicates_nothing(
    server: Any, expected_urls: set[str], tmp_path: Path
) -> None:
    """Kill at seeded random moments: after N requests served, after a random delay, once
    items are being written (mid-file), and as soon as a finished output file appears."""
    import random

    rng = random.Random(20251006)
    moments = [
        ("requests", rng.randint(3, 55)),
        ("requests", rng.randint(3, 55)),
        ("seconds", rng.uniform(0.2, 1.5)),
        ("written", rng.randint(8_000, 60_000)),
        ("output", 0),
    ]
    for attempt, (kind, amount) in enumerate(moments):
        data = tmp_path / f"data{attempt}"
        server.requests.clear()
        proc = nightly_popen(server, data)
        if kind == "requests":
            _wait_until(lambda n=amount, p=proc: len(server.requests) >= n or p.poll() is not None)
        elif kind == "seconds":
            time.sleep(amount)
        elif kind == "written":
            _wait_until(
                lambda d=data, n=amount, p=proc: _bytes_written(d) >= n or p.poll() is not None
            )
        else:
            _wait_until(lambda d=data, p=proc: bool(output_files(d)) or p.poll() is not None)
        assert proc.poll() is None, f"{kind} {amount}: the run ended before it could be killed"
        proc.kill()  # SIGKILL: no cleanup of any kind
        proc.communicate(timeout=30)
        # Whatever the killed run left, its finished files are complete JSON Lines.
        leftovers = read_items(output_files(data))
        result = nightly(server, data)
        assert result.returncode == 0, result.stdout + result.stderr
        assert not list(data.rglob("*.part")), "stale .part files were not removed"
        items = read_items(output_files(data))  # raises on any invalid line
        urls = [i["url"] for i in items]
        message = f"kill after {kind} {amount}: {len(leftovers)} items left by the killed run"
        assert sorted(urls) == sorted(expected_urls), message  # every article exactly once
        assert {i["revision"] for i in items} == {1}


@pytest.mark.e2e
def test_two_runs_started_together(server: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    started = time.monotonic()
    procs = [nightly_popen(server, data, "--gzip") for _ in range(2)]
    finished: dict[int, float] = {}
    while len(finished) < 2 and time.monotonic() - started < 120:
        for i, proc in enumerate(procs):
            if i not in finished and proc.poll() is not None:
                finished[i] = time.monotonic() - started
        time.sleep(0.01)
    codes = [proc.wait() for proc in procs]
    outs = [proc.communicate() for proc in procs]
    assert sorted(codes) == [0, 3], outs
    loser = codes.index(3)
    assert finished[loser] < 1.0, finished
    assert "another run is in progress" in outs[loser][1]
    assert outs[loser][0] == ""
    # The winner wrote gzip-compressed JSON Lines (--gzip), one file per site.
    import gzip

    gz = sorted(data.glob("*/*/tribun-*.jsonl.gz"))
    assert [p.parent.parent.name for p in gz] == ["makassar", "papua"]
    lines = [json.loads(line) for p in gz for line in gzip.decompress(p.read_bytes()).splitlines()]
    assert len(lines) == 46


@pytest.mark.e2e
def test_broken_fields_make_the_run_unhealthy(tmp_path: Path) -> None:
    """Bylines and bodies vanish from some papua pages: exit 1, the report names site and field.

    (A renamed date element is the next test: dates are still read there, and the "Date
    markup" monitor fails instead.)
    Two pages without a body (kept: a title and a picture make a photo story) count against ``body``
    coverage; six without a byline bring ``authors`` to 12 of 18.
    """
    from newscrawl.replica.content import expected_articles
    from newscrawl.replica.server import ReplicaServer

    papua = expected_articles("papua", SINCE, UNTIL)
    edits = {a.url: {"authors": []} for a in papua[:6]}
    edits.update({a.url: {"paragraphs": []} for a in papua[6:8]})
    edits_file = tmp_path / "edits.json"
    edits_file.write_text(json.dumps(edits), encoding="utf-8")
    data = tmp_path / "data"
    with ReplicaServer(port=0, edits=edits_file) as srv:
        result = nightly(srv, data)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("newscrawl nightly UNHEALTHY")
    report = last_report(data)
    assert (report["status"], report["exit_code"]) == ("unhealthy", 1)
    coverage = next(m for m in report["monitors"] if m["monitor"] == "Field coverage")
    assert coverage["status"] == "FAIL"
    assert "papua body 88.9% < 99% (16 of 18 articles)" in coverage["message"]
    assert "papua authors 66.7% < 80% (12 of 18 articles)" in coverage["message"]
    assert "makassar" not in coverage["message"]
    assert report["coverage_by_site"]["papua"]["authors"] == pytest.approx(12 / 18, abs=1e-4)
    assert "NotAnArticle" not in report["dropped"]
    assert "papua authors 66.7%" in result.stdout


@pytest.mark.e2e
def test_renamed_date_element_makes_the_run_unhealthy(tmp_path: Path) -> None:
    """The replica's ``date-renamed`` fault (JSON-LD dates gone, date box renamed): the extractor
    still reads the loose date text, but the run exits 1 and the report names the missing markup."""
    from newscrawl.replica.server import ReplicaServer

    data = tmp_path / "data"
    with ReplicaServer(port=0, faults=("date-renamed",)) as srv:
        result = nightly(srv, data)
    assert result.returncode == 1, result.stdout + result.stderr
    report = last_report(data)
    markup = next(m for m in report["monitors"] if m["monitor"] == "Date markup")
    assert markup["status"] == "FAIL"
    assert "makassar published_at from known date markup 0.0%" in markup["message"]
    assert "papua published_at from known date markup 0.0%" in markup["message"]


@pytest.mark.e2e
def test_healthy_replica_run_passes_the_date_markup_monitor(server: Any, tmp_path: Path) -> None:
    result = nightly(server, tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    markup = next(
        m for m in last_report(tmp_path / "data")["monitors"] if m["monitor"] == "Date markup"
    )
    assert markup["status"] == "OK"


# --- state that does not match the output files (7.8), failed commits (7.9) ---------------------
@pytest.mark.e2e
def test_empty_state_file_is_rebuilt_from_the_output_files(
    server: Any, expected_urls: set[str], tmp_path: Path
) -> None:
    """A 0-byte state.sqlite3 (or a deleted one) must not make every article revision 1 again."""
    data = tmp_path / "data"
    server.reset_faults()
    first = nightly(server, data)
    assert first.returncode == 0, first.stdout + first.stderr
    assert sorted(i["url"] for i in read_items(output_files(data))) == sorted(expected_urls)
    state = data / "state.sqlite3"
    state.write_bytes(b"")  # truncated to 0 bytes
    for extra in ("-wal", "-shm"):
        Path(f"{state}{extra}").unlink(missing_ok=True)

    second = nightly(server, data)
    assert second.returncode == 0, second.stdout + second.stderr
    urls = [i["url"] for i in read_items(output_files(data))]
    assert sorted(urls) == sorted(expected_urls), "articles exported again after the state emptied"
    assert "was empty (0 bytes)" in second.stderr
    assert f"re-imported {len(expected_urls)} article line(s)" in second.stderr
    report = last_report(data)
    assert report["counts"]["emitted"] == 0
    assert report["state"]["reimported"] == len(expected_urls)

    # Deleted altogether: the same.
    state.unlink()
    third = nightly(server, data)
    assert third.returncode == 0, third.stdout + third.stderr
    assert len(read_items(output_files(data))) == len(expected_urls)


@pytest.mark.e2e
def test_damaged_state_file_is_a_one_line_usage_error(server: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "state.sqlite3").write_bytes(b"this is not a database" * 100)
    result = nightly(server, data)
    assert result.returncode == 2
    assert "state.sqlite3 is unusable (file is not a database)" in result.stderr
    assert "rebuilt from the output files" in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert server.requests == [] or not output_files(data)


@pytest.mark.e2e
def test_state_locked_at_commit_makes_the_run_unhealthy(server: Any, tmp_path: Path) -> None:
    """Another process holds the state's write lock when the run commits: the run must exit 1
    and say why, and the next run records what this one wrote (nothing exported twice)."""
    import sqlite3

    data = tmp_path / "data"
    server.reset_faults()
    proc = nightly_popen(
        server, data, "-s", "NEWSCRAWL_STATE_TIMEOUT=1", "-s", "DOWNLOAD_DELAY=0.3"
    )
    log_files = lambda: list(data.glob("runs/*/*.log"))
    _wait_until(
        lambda: (
            proc.poll() is not None
            or (
                bool(list(data.rglob(".*.jsonl.part")))
                and bool(log_files())
                and "Incremental state" in log_files()[0].read_text(encoding="utf-8")
            )
        )
    )
    assert proc.poll() is None, "the run ended before the lock could be taken"
    holder = sqlite3.connect(data / "state.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out, err = proc.communicate(timeout=180)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 1, out + err
    assert "UNHEALTHY" in out
    report = last_report(data)
    assert report["status"] == "unhealthy"
    assert any(
        f.startswith("State commit: state commit to") and "database is locked" in f
        for f in report["failures"]
    ), report["failures"]
    assert report["state"]["committed"] is None
    assert "database is locked" in report["state"]["failed"]
    written = read_items(output_files(data))
    assert written, "the run wrote no articles"

    again = nightly(server, data)
    assert again.returncode == 0, again.stdout + again.stderr
    urls = [i["url"] for i in read_items(output_files(data))]
    assert len(urls) == len(set(urls)), "articles of the failed-commit run were exported again"


# --- reset-state on bad data directories (7.14) --------------------------------------------------
def test_reset_state_never_creates_a_missing_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "dta"
    assert main(["reset-state", "--data-dir", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"no data directory {missing}" in err
    assert err.count("\n") == 1
    assert not missing.exists()


def test_reset_state_on_a_damaged_state_file(tmp_path: Path) -> None:
    (tmp_path / "state.sqlite3").write_bytes(b"garbage" * 1000)
    result = run_cli("reset-state", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "file is not a database" in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert (tmp_path / "state.sqlite3").read_bytes() == b"garbage" * 1000


def test_reset_state_on_a_read_only_data_dir(tmp_path: Path) -> None:
    """As an unprivileged user (root ignores permissions, so the test drops to nobody)."""
    data = tmp_path / "data"
    data.mkdir()
    with StateDB(data / "state.sqlite3") as db:
        db.commit_run("r", [ExportedRow("https://solo.tribunnews.com/a", "solo", "h", 1, None)])
    tmp_path.chmod(0o755)
    data.chmod(0o555)
    (data / "state.sqlite3").chmod(0o444)
    command = [*NEWSCRAWL, "reset-state", "--data-dir", str(data)]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    for parent in tmp_path.parents:  # nobody must be able to reach the directory
        if parent.stat().st_mode & 0o001 == 0:
            parent.chmod(parent.stat().st_mode | 0o001)
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    data.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("newscrawl reset-state: error: ")
    with StateDB(data / "state.sqlite3") as db:
        assert db.count() == 1  # nothing forgotten


# --- the README's crontab line (7.15) -----------------------------------------------------------
README = Path(__file__).resolve().parents[1] / "README.md"


def readme_crontab_command() -> str:
    """The command part of the one crontab entry in README.md (after the five time fields)."""
    import re

    block = README.read_text(encoding="utf-8").split("```cron\n", 1)[1].split("```", 1)[0]
    entries = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(entries) == 1, entries
    match = re.match(r"^(?:\S+\s+){5}(.+)$", entries[0])
    assert match, entries[0]
    return match.group(1)


@pytest.mark.e2e
def test_readme_crontab_line_works_on_a_fresh_machine(server: Any, tmp_path: Path) -> None:
    """The documented line, paths substituted, run as cron runs it: ``sh -c`` in an empty
    environment (``env -i``: PATH=/usr/bin:/bin, the proxy), no terminal, cwd /, and a data
    directory that does not exist yet. It must crawl, log to its cron.log and not mail."""
    command = readme_crontab_command()
    install = tmp_path / "srv"
    install.mkdir()
    (install / ".venv").symlink_to(Path(sys.executable).parents[1])
    data = tmp_path / "fresh" / "data"
    assert "/srv/newscrawl/data" in command
    command = command.replace("/srv/newscrawl/data", str(data))
    command = command.replace("/srv/newscrawl", str(install))
    # The replica holds 2025-10-05..06; the line's shape (cd, redirections, ||, mail) is kept.
    command = command.replace(
        " nightly ",
        f" nightly --since {SINCE} --until {UNTIL} -s DOWNLOAD_DELAY=0 "
        "-s AUTOTHROTTLE_ENABLED=False ",
        1,
    )
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    mailbox = tmp_path / "mailbox"
    mail = fake_bin / "mail"
    mail.write_text(f'#!/bin/sh\necho "mail $*" >> {mailbox}\ncat >> {mailbox}\n', "utf-8")
    mail.chmod(0o755)
    env = [f"PATH={fake_bin}:/usr/bin:/bin", f"HOME={tmp_path}", "SHELL=/bin/sh", "LOGNAME=cron"]
    env += [f"{k}={v}" for k, v in server.env().items() if k.lower().endswith("_proxy")]
    result = subprocess.run(
        ["env", "-i", *env, "/bin/sh", "-c", command],
        cwd="/", stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
        start_new_session=True, check=False,
    )  # fmt: skip
    mailed = mailbox.read_text(encoding="utf-8") if mailbox.exists() else ""
    assert mailed == "", f"cron would have mailed: {mailed}{result.stderr}"
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ""
    cron_log = (data / "cron.log").read_text(encoding="utf-8")
    assert "newscrawl nightly HEALTHY" in cron_log
    import re

    from newscrawl.replica.content import expected_articles

    sites = re.search(r"--site (\S+)", command).group(1).split(",")  # type: ignore[union-attr]
    expected = {a.url for a in expected_articles(sites, SINCE, UNTIL)}
    assert {i["url"] for i in read_items(output_files(data))} == expected
