"""``newscrawl check-live``: the live smoke check, run against the replica through
``https_proxy`` exactly as against the real site, and its one-line exit when offline."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newscrawl.checklive import LiveReport, today_at, unreachable_reason
from newscrawl.sites import SITES

NEWSCRAWL = [sys.executable, "-m", "newscrawl.cli"]
ROOT = Path(__file__).resolve().parents[1]
# The replica serves the fixed window 2025-10-05..06; a live run uses today in the site's zone.
REPLICA_DAY = "2025-10-06"


def _run(env: dict[str, str], *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NEWSCRAWL, "check-live", *args],
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.e2e
def test_check_live_through_the_replica_prints_coverage(replica):
    replica.reset_faults()
    result = _run(replica.env(), "--site", "solo", "--date", REPLICA_DAY)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"newscrawl check-live: solo (https://solo.tribunnews.com) {REPLICA_DAY}: 5 article(s)"
    )
    table = {line.split()[0]: line.split()[1:] for line in lines[2:] if "/" in line.split()[1]}
    for name in ("title", "body", "published_at", "lead", "section", "tags"):
        assert table[name] == ["5/5", "100%"], name
    assert "url" not in table  # bookkeeping fields are not coverage
    assert "boilerplate left: none" in lines
    assert lines[-1] == "result: ok"
    assert result.stderr == ""


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


def test_unreachable_site_exits_2_with_one_line():
    proxy = f"http://127.0.0.1:{_closed_port()}"
    env = {"https_proxy": proxy, "http_proxy": proxy, "no_proxy": ""}
    result = _run(env, "--site", "solo", "--date", REPLICA_DAY, timeout=120)
    assert result.returncode == 2
    assert result.stdout == ""
    line = "newscrawl check-live: cannot reach https://solo.tribunnews.com (connection refused)"
    assert result.stderr.splitlines() == [f"{line}; offline?"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--site", "solo,jateng"], "--site takes one site key"),
        (["--site", "nowhere"], "unknown site key"),
        (["--site", "solo", "--articles", "0"], "--articles must be between 1 and 50"),
    ],
)
def test_usage_errors_exit_2(args, message, capsys):
    from newscrawl.cli import main

    assert main(["check-live", *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_unreachable_reason_reads_the_downloader_stats():
    dns = "downloader/exception_type_count/scrapy.exceptions.CannotResolveHostError"
    assert unreachable_reason({dns: 2}) == "DNS lookup failed"
    old = "downloader/exception_type_count/twisted.internet.error.DNSLookupError"
    assert unreachable_reason({old: 1}) == "DNS lookup failed"
    # one answer is enough to know the site is there: a failing page is another matter
    assert unreachable_reason({dns: 2, "response_received_count": 1}) is None
    assert unreachable_reason({}) is None


def _report(*bodies: str | None) -> LiveReport:
    report = LiveReport(site=SITES["solo"], day=date(2025, 10, 6))
    for n, body in enumerate(bodies):
        url = f"https://solo.tribunnews.com/2025/10/06/a{n}"
        report.items.append(
            {"url": url, "title": "T", "body": body, "published_at": "2025-10-06T08:00:00+07:00"}
        )
    return report


def test_a_leaked_phrase_or_a_missing_body_makes_the_check_unhealthy():
    from newscrawl.boilerplate import leaked_phrases

    healthy = _report("Isi berita.", "Isi lain.")
    assert healthy.problems == []
    body = "Isi berita.\n\nBaca juga: Judul lain"
    assert leaked_phrases(body) == {"Baca juga": 1}
    leaky = _report(body, None)
    leaky.leaks.append((leaky.items[0]["url"], "Baca juga", 1))
    assert leaky.problems == ["body missing on 1 of 2", "1 boilerplate phrase(s) left"]
    assert f"  'Baca juga' ×1 in {leaky.items[0]['url']}" in leaky.lines()
    assert _report().problems == ["no article came out of the first index page of 2025-10-06"]


def test_default_date_is_today_in_the_sites_zone():
    # 23:30 UTC on 5 October is already 6 October in Jakarta (WIB) and Jayapura (WIT)
    late = datetime(2025, 10, 5, 23, 30, tzinfo=UTC)
    assert today_at(SITES["solo"], late) == date(2025, 10, 6)
    assert today_at(SITES["www"], datetime(2025, 10, 5, 16, 0, tzinfo=UTC)) == date(2025, 10, 5)


@pytest.mark.requires_internet
def test_check_live_on_the_real_site():
    result = _run(
        {k: v for k, v in os.environ.items() if k.lower().endswith("_proxy")}, "--site", "solo"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "result: ok" in result.stdout
