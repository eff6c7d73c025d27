"""Pause and resume: a ``-s JOBDIR=…`` crawl stopped with Ctrl-C and started again loses nothing.

Scrapy keeps the queue of a ``JOBDIR`` crawl on disk by pickling every request, so everything a
request carries (a story in progress, an index walk) must be plain data. The first run is
interrupted (SIGINT, as Ctrl-C) right after page 1 of a multi-page story arrived, so the rest
of that story can only be fetched by the resumed run; the two outputs together must hold every
in-window article of the replica exactly once, every story merged.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newscrawl.replica import expected_articles, multi_page_urls

pytestmark = pytest.mark.e2e

SITES = "solo,jateng,makassar,papua"
SINCE, UNTIL = "2025-10-05", "2025-10-06"
ROOT = Path(__file__).resolve().parents[1]
# Articles emitted before the first run may be stopped: the stop lands mid-crawl.
MIN_ITEMS_BEFORE_STOP = 5


def _command(jobdir: Path, out: Path, log: Path) -> list[str]:
    return [
        sys.executable, "-m", "scrapy", "crawl", "tribun",
        "-a", f"site={SITES}", "-a", f"since={SINCE}", "-a", f"until={UNTIL}",
        "-O", str(out), "-s", f"JOBDIR={jobdir}", "-s", f"LOG_FILE={log}", "-s", "LOG_LEVEL=DEBUG",
        # One request at a time with a short pause: nothing is downloading when the stop lands
        # just after a page 1, so that story's next page waits in the on-disk queue.
        "-s", "CONCURRENT_REQUESTS=1", "-s", "DOWNLOAD_DELAY=0.05",
        "-s", "AUTOTHROTTLE_ENABLED=False",
    ]  # fmt: skip


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _stats(log: str) -> str:
    return log[log.rfind("Dumping Scrapy stats:") :]


@pytest.fixture(scope="module")
def paused_and_resumed(tmp_path_factory, replica):
    replica.reset_faults()
    tmp = tmp_path_factory.mktemp("jobdir")
    jobdir = tmp / "job"
    env = {**replica.env(), "PATH": "/usr/bin:/bin", "HOME": str(tmp)}
    expected = {a.url: a for a in expected_articles(SITES.split(","), since=SINCE, until=UNTIL)}
    multi = [u for u in multi_page_urls() if u in expected]

    out1, log1 = tmp / "run1.jsonl", tmp / "run1.log"
    proc = subprocess.Popen(
        _command(jobdir, out1, log1), cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    stopped_after = None
    deadline = time.monotonic() + 300
    try:
        while stopped_after is None and proc.poll() is None and time.monotonic() < deadline:
            text = _read(log1)
            if text.count("Scraped from") >= MIN_ITEMS_BEFORE_STOP:
                stopped_after = next(
                    (u for u in multi if f"<GET {u}>" in text and f"<GET {u}?page=2>" not in text),
                    None,
                )
            if stopped_after is None:
                time.sleep(0.005)
        assert stopped_after is not None, "no multi-page story was reached in the first run"
        proc.send_signal(signal.SIGINT)
        _, first_stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    out2, log2 = tmp / "run2.jsonl", tmp / "run2.log"
    resumed = subprocess.run(
        _command(jobdir, out2, log2), cwd=ROOT, env=env, timeout=600, check=False
    )
    runs = []
    for out, log in ((out1, log1), (out2, log2)):
        items = [json.loads(line) for line in _read(out).splitlines()]
        runs.append({"items": items, "log": _read(log)})
    return {
        "runs": runs,
        "resumed_rc": resumed.returncode,
        "first_rc": proc.returncode,
        "first_stderr": first_stderr,
        "stopped_after": stopped_after,
        "expected": expected,
    }


def test_the_first_run_was_stopped_midway(paused_and_resumed):
    first, second = paused_and_resumed["runs"]
    assert "'finish_reason': 'shutdown'" in _stats(first["log"])
    assert first["items"], "the first run wrote what it had finished"
    assert second["items"], "the resumed run had work left"
    assert "'finish_reason': 'finished'" in _stats(second["log"])
    # The stopped run's output is incomplete: it says so and how to resume, and exits 1.
    assert paused_and_resumed["first_rc"] == 1
    assert "interrupted" in paused_and_resumed["first_stderr"]
    assert "JOBDIR" in paused_and_resumed["first_stderr"]
    # Exit 1 only if the resumed run fetched the replica's always-failing page 3 (page3-503).
    lost = "'newscrawl/lost/page_failed': 1" in _stats(second["log"])
    assert paused_and_resumed["resumed_rc"] == (1 if lost else 0)


def test_every_in_window_article_exactly_once_across_both_runs(paused_and_resumed):
    urls = [i["url"] for run in paused_and_resumed["runs"] for i in run["items"]]
    assert len(urls) == len(set(urls)), "an article was emitted by both runs"
    assert set(urls) == set(paused_and_resumed["expected"])


def test_a_story_split_by_the_stop_is_merged_by_the_resumed_run(paused_and_resumed):
    first, second = paused_and_resumed["runs"]
    expected = paused_and_resumed["expected"]
    # Page 1 read before the stop, a later page only after the resume (normally the story the
    # stop was aimed at; any other split story proves the same on a slow machine).
    split = [
        url
        for url in multi_page_urls()
        if url in expected
        and f"<GET {url}>" in first["log"]
        and any(f"<GET {url}?page={n}>" in second["log"] for n in range(2, 51))
    ]
    assert split, paused_and_resumed["stopped_after"]
    for url in split:
        (item,) = [i for i in second["items"] if i["url"] == url]
        assert item["body"] == expected[url].body
        assert item["page_count"] == expected[url].page_count


def test_every_multi_page_story_is_merged(paused_and_resumed):
    expected = paused_and_resumed["expected"]
    got = {i["url"]: i for run in paused_and_resumed["runs"] for i in run["items"]}
    multi = [u for u in multi_page_urls() if u in expected]
    assert len(multi) >= 3
    for url in multi:
        truth = expected[url]
        assert got[url]["body"] == truth.body, url
        assert got[url]["page_count"] == truth.page_count, url
        assert got[url]["is_partial"] == truth.is_partial, url


def test_no_request_was_kept_out_of_the_disk_queue(paused_and_resumed):
    for run in paused_and_resumed["runs"]:
        stats = _stats(run["log"])
        assert "scheduler/enqueued/disk" in stats
        assert "scheduler/unserializable" not in stats
