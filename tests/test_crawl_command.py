"""``scrapy crawl tribun`` as a user runs it: usage errors, feed failures, size caps, a quiet log.

Each test runs the real command in a subprocess (the project's ``newscrawl.commands.crawl``),
over the offline replica through ``https_proxy`` where it needs pages.
"""

from __future__ import annotations

import gzip
import http.server
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.replica import ReplicaServer, expected_articles

ROOT = Path(__file__).resolve().parents[1]
SOLO = ["-a", "site=solo", "-a", "since=2025-10-05", "-a", "until=2025-10-06"]
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


def scrapy(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def stat(log: str, name: str) -> int:
    match = re.search(rf"'{re.escape(name)}': (\d+)", log)
    return int(match.group(1)) if match else 0


# --- a healthy crawl is quiet ------------------------------------------------------------------
@pytest.mark.e2e
def test_healthy_crawl_logs_no_warning_and_no_telnet_console(fresh_replica, replica_env, tmp_path):
    out = tmp_path / "solo.jsonl"
    result = scrapy("crawl", "tribun", *SOLO, *FAST, "-O", str(out), env=replica_env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert stat(result.stderr, "item_scraped_count") > 0
    assert out.read_text(encoding="utf-8").count("\n") == stat(result.stderr, "item_scraped_count")
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert warnings == []
    assert "Telnet" not in result.stderr
    assert "TelnetConsole" not in result.stderr


# --- bad arguments: one line, exit 2, nothing crawled ------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-a", "sitez=solo"], "unknown spider argument(s) sitez; valid: site, since, until"),
        (["-a", "site=solo", "-a", "untill=2025-10-06"], "unknown spider argument(s) untill"),
        (["-a", "site="], "site must name at least one site key"),
        (["-a", "until=9999-12-31"], "until (9999-12-31) is in the future"),
        (["-a", "since=2205-10-05"], "since (2205-10-05) is in the future"),
        (["-a", "since=0001-01-01"], "since (0001-01-01) is before the Tribun Network"),
        (
            ["-a", "since=2015-01-01", "-a", "until=2025-10-06"],
            "more than 366; crawl it in parts or raise NEWSCRAWL_MAX_WINDOW_DAYS",
        ),
        (
            [
                "-a",
                "since=2024-01-01",
                "-a",
                "until=2025-10-06",
                "-s",
                "NEWSCRAWL_MAX_WINDOW_DAYS=30",
            ],
            "spans 645 days, more than 30",
        ),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, message, replica_env):
    result = scrapy("crawl", "tribun", *args, env=replica_env, timeout=60)
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.count("\n") == 1, result.stderr  # one line, no log, no traceback
    assert result.stderr.startswith("scrapy crawl: error: ")
    assert message in result.stderr


# --- feeds --------------------------------------------------------------------------------------
def test_unwritable_feed_is_refused_before_crawling(tmp_path, replica_env):
    parent_is_a_file = tmp_path / "notes.txt"
    parent_is_a_file.write_text("x", encoding="utf-8")
    a_directory = tmp_path / "dir.jsonl"
    a_directory.mkdir()
    for target, problem in [
        ("/proc/newscrawl/out.jsonl", "folder /proc is not writable (No such file or directory)"),
        (str(a_directory), "it is a directory"),
        (str(parent_is_a_file / "out.jsonl"), f"{parent_is_a_file} is not a directory"),
    ]:
        result = scrapy("crawl", "tribun", *SOLO, "-O", target, env=replica_env, timeout=60)
        assert result.returncode == 2, result.stderr[-2000:]
        assert result.stderr == f"scrapy crawl: error: cannot write feed {target}: {problem}\n"


@pytest.mark.e2e
def test_feed_failing_during_the_run_exits_1_and_is_logged_once(
    fresh_replica, replica_env, tmp_path
):
    good = tmp_path / "good.jsonl"
    # /dev/full accepts the open and fails every write with ENOSPC, like a full disk.
    result = scrapy(
        "crawl",
        "tribun",
        *SOLO,
        *FAST,
        "-O",
        str(good),
        "-O",
        "/dev/full:jsonlines",
        env=replica_env,
    )
    assert result.returncode == 1, result.stderr[-3000:]
    log = result.stderr
    assert log.count("Cannot write feed /dev/full: [Errno 28] No space left on device") == 1
    assert log.count("Traceback") <= 1  # Scrapy's own "Error storing" of the failed feed
    assert stat(log, "newscrawl/feeds/failed") == 1
    assert stat(log, "feedexport/failed_count/AtomicFileFeedStorage") == 1
    assert log.endswith(
        "scrapy crawl: 1 feed(s) could not be written (see the ERROR lines above)\n"
    )
    # The other feed is complete.
    assert good.read_text(encoding="utf-8").count("\n") == stat(log, "item_scraped_count") > 0


# The crawl with a file-size limit: writes past 20 kB fail (EFBIG) as on a full disk.
FILE_SIZE_LIMIT = (
    "import resource, signal, subprocess, sys\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))\n"
    "sys.exit(subprocess.call(sys.argv[1:]))\n"
)


@pytest.mark.e2e
def test_full_disk_is_logged_once_and_leaves_no_partial_file(fresh_replica, replica_env, tmp_path):
    out = tmp_path / "solo.jsonl"
    result = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, sys.executable, "-m", "scrapy", "crawl", "tribun",
         *SOLO, *FAST, "-O", str(out)],
        cwd=ROOT, env={"PATH": "/usr/bin:/bin", **replica_env},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    log = result.stderr
    assert log.count(f"Cannot write feed {out}: [Errno 27] File too large") == 1
    assert log.count("Traceback") == 1  # Scrapy's "Error storing", a few lines
    assert stat(log, "newscrawl/feeds/failed") == 1
    assert list(tmp_path.iterdir()) == []  # neither a truncated file nor a .part is left
    assert log.endswith(
        "scrapy crawl: 1 feed(s) could not be written (see the ERROR lines above)\n"
    )


@pytest.mark.e2e
def test_items_an_exporter_refuses_make_the_exit_code_1(fresh_replica, replica_env, tmp_path):
    out = tmp_path / "solo.jsonl"
    # Indonesian news text has en dashes and curly quotes: ASCII cannot hold every item.
    result = scrapy(
        "crawl", "tribun", *SOLO, *FAST, "-O", str(out), "-s", "FEED_EXPORT_ENCODING=ascii",
        env=replica_env,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    log = result.stderr
    refused = stat(log, "newscrawl/feeds/item_errors")
    assert refused > 0
    assert log.count("Could not export item") == 1  # the rest are counted, not logged
    assert "Traceback" not in log
    assert out.read_text(encoding="ascii").count("\n") == stat(log, "item_scraped_count") - refused
    assert log.endswith(
        f"scrapy crawl: {refused} item(s) could not be exported (see the ERROR lines above)\n"
    )


# --- download size cap --------------------------------------------------------------------------
MIB = 1 << 20
BOMB = gzip.compress(b"\0" * 64 * MIB, compresslevel=9)  # ~64 KB on the wire
BIG = b"<html><body>" + b" " * 12 * MIB + b"</body></html>"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path == "/bomb":
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(BOMB)))
            self.end_headers()
            self.wfile.write(BOMB)
        elif self.path == "/big":
            self.send_header("Content-Length", str(len(BIG)))
            self.end_headers()
            self.wfile.write(BIG)
        elif self.path == "/streamed":  # no Content-Length: the cap is hit while reading
            self.send_header("Connection", "close")
            self.end_headers()
            for start in range(0, len(BIG), MIB):
                self.wfile.write(BIG[start : start + MIB])
        else:
            self.send_header("Content-Length", "13")
            self.end_headers()
            self.wfile.write(b"<p>small</p>\n")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hostile_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


SIZE_SPIDER = """
import scrapy

class SizeSpider(scrapy.Spider):
    name = "size"

    async def start(self):
        for path in ("/bomb", "/big", "/streamed", "/small"):
            yield scrapy.Request(self.base + path)

    def parse(self, response):
        yield {"url": response.url, "size": len(response.body)}
"""


def test_oversize_and_gzip_bomb_are_refused_and_counted(hostile_server, tmp_path):
    spider = tmp_path / "size_spider.py"
    spider.write_text(SIZE_SPIDER, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    # The project's settings (scrapy.cfg in ROOT) apply to runspider too.
    result = scrapy(
        "runspider", str(spider), "-a", f"base={hostile_server}", "-O", str(out),
        "-s", "ROBOTSTXT_OBEY=False", "-s", "ITEM_PIPELINES={}", *FAST,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert out.read_text(encoding="utf-8").splitlines() == [
        f'{{"url": "{hostile_server}/small", "size": 13}}'
    ]
    assert stat(result.stderr, "newscrawl/download/too_large") == 3
    # Nothing near the bomb's 64 MiB or the page's 12 MiB was kept in memory.
    assert "exceeded DOWNLOAD_MAXSIZE (8388608 B) during decompression" in result.stderr


# The same on the replica, through the public commands: a 1 MB gzip bomb inflating to 1 GiB and
# a 100 MiB page cost 2.2 GB of memory and went unnoticed before the cap.
BOMB_ARTICLE = "https://solo.tribunnews.com/2025/10/05/9-puskesmas-di-wonogiri-buka-layanan-tuberkulosis-hingga-akhir-pekan"
HUGE_ARTICLE = "https://solo.tribunnews.com/2025/10/05/banjir-rob-landa-4-desa-di-sukoharjo-ratusan-warga-mengungsi"
# Runs the crawl as its only child, so RUSAGE_CHILDREN is the crawl's own peak RSS (KiB).
PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@pytest.fixture(scope="module")
def oversize_replica() -> Iterator[ReplicaServer]:
    faults = {BOMB_ARTICLE: "gzip-bomb", HUGE_ARTICLE: "oversize:100"}
    with ReplicaServer(inject=faults) as srv:
        yield srv


@pytest.mark.e2e
def test_site_serving_a_gzip_bomb_and_a_huge_page_costs_no_memory(oversize_replica, tmp_path):
    out = tmp_path / "solo.jsonl"
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, sys.executable, "-m", "scrapy", "crawl", "tribun",
         *SOLO, *FAST, "-O", str(out)],
        cwd=ROOT, env={"PATH": "/usr/bin:/bin", **oversize_replica.env()},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    # Both pages were refused (lost): the rest is written, and the exit code says so.
    assert result.returncode == 1, result.stderr[-3000:]
    assert "scrapy crawl: 2 page(s) lost: 2 pages over the size cap" in result.stderr
    peak_rss_mb = int(result.stderr.strip().splitlines()[-1]) / 1024
    assert peak_rss_mb < 300, peak_rss_mb
    assert stat(result.stderr, "newscrawl/download/too_large") == 2
    urls = {json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()}
    truth = {a.url for a in expected_articles(["solo"], since="2025-10-05", until="2025-10-06")}
    assert urls == truth - {BOMB_ARTICLE, HUGE_ARTICLE}


@pytest.mark.e2e
def test_nightly_with_refused_pages_is_unhealthy(oversize_replica, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "nightly", "--site", "solo", "--since",
         "2025-10-05", "--until", "2025-10-06", "--data-dir", str(tmp_path), *FAST],
        cwd=ROOT, env={"PATH": "/usr/bin:/bin", **oversize_replica.env()},
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr[-3000:]
    assert result.stdout.startswith("newscrawl nightly UNHEALTHY")
    assert "2 page(s) refused over DOWNLOAD_MAXSIZE (newscrawl/download/too_large)" in result.stdout
    report = json.loads(next(tmp_path.glob("runs/*/*.report.json")).read_text(encoding="utf-8"))
    assert report["counts"]["too_large"] == 2


# --- the same rules for newscrawl nightly --------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--until", "9999-12-31"], "until (9999-12-31) is in the future"),
        (["--since", "0001-01-01"], "since (0001-01-01) is before the Tribun Network"),
        (["--site", ""], "site must name at least one site key"),
        (["--since", "2015-01-01", "--until", "2025-10-06"], "more than 366"),
        (
            [
                "--since",
                "2025-09-01",
                "--until",
                "2025-09-20",
                "-s",
                "NEWSCRAWL_MAX_WINDOW_DAYS=10",
            ],
            "spans 20 days, more than 10",
        ),
        (["-s", "NEWSCRAWL_MAX_WINDOW_DAYS=many"], "invalid literal for int"),
    ],
)
def test_nightly_rejects_the_same_windows(tmp_path, capsys, args, message):
    from newscrawl.cli import main

    assert main(["nightly", "--data-dir", str(tmp_path), *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_refused_pages_make_the_nightly_report_unhealthy():
    from datetime import datetime

    from newscrawl.report import RunInfo, build_report
    from tests.test_monitors import healthy_stats, run_suite

    now = datetime(2025, 10, 6, 2, 0).astimezone()
    info = RunInfo(run_id="r", started_at=now, finished_at=now, sites=["solo"], window={})
    _, crawler = run_suite(healthy_stats())
    stats = crawler.stats.get_stats()
    assert build_report(stats, info)["exit_code"] == 0
    report = build_report({**stats, "newscrawl/download/too_large": 2}, info)
    assert report["exit_code"] == 1
    assert report["counts"]["too_large"] == 2
    assert "2 page(s) refused over DOWNLOAD_MAXSIZE" in " ".join(report["failures"])
