"""Distributed mode: two ``scrapy crawl tribun`` workers on one real Redis share the crawl.

A ``redis-server`` of the system (``.ci/run`` installs it) runs on a free 127.0.0.1 port for
this module and is stopped after it. Both workers start at once with the same arguments and
``-s REDIS_URL=…``, each with its own ``-O`` feed; together their feeds must hold every
in-window article of the replica exactly once, multi-page stories merged whichever worker
fetched which page, and each worker must have done part of the work.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from newscrawl.distributed import RedisAddon
from newscrawl.replica import expected_articles, multi_page_urls
from newscrawl.spiders.tribun import TribunSpider

SITES = "solo,jateng,makassar,papua"
SINCE, UNTIL = "2025-10-05", "2025-10-06"
ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    server = shutil.which("redis-server")
    if server is None or not _has_scrapy_redis():
        if os.environ.get("CI"):
            pytest.fail("CI must have redis-server and the redis extra (.ci/run installs them)")
        pytest.skip("needs redis-server and pip install -e '.[redis]'")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            assert proc.poll() is None, "redis-server exited"
            assert time.monotonic() < deadline, "redis-server did not answer"
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(30)


def _has_scrapy_redis() -> bool:
    try:
        import scrapy_redis  # noqa: F401
    except ImportError:
        return False
    return True


def _worker(
    redis_url: str, out: Path, log: Path, env: dict[str, str], extra: list[str] | None = None
) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "scrapy", "crawl", "tribun",
         "-a", f"site={SITES}", "-a", f"since={SINCE}", "-a", f"until={UNTIL}",
         "-O", str(out), "-s", f"REDIS_URL={redis_url}", "-s", "MAX_IDLE_TIME_BEFORE_CLOSE=3",
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
         "-s", "CONCURRENT_REQUESTS=4", "-s", f"LOG_FILE={log}", *(extra or [])],
        cwd=ROOT, env=env,
    )  # fmt: skip


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory, replica, redis_url):
    replica.reset_faults()
    tmp = tmp_path_factory.mktemp("workers")
    env = {**replica.env(), "PATH": "/usr/bin:/bin", "HOME": str(tmp)}
    paths = [(tmp / f"w{n}.jsonl", tmp / f"w{n}.log") for n in (1, 2)]
    procs = [_worker(redis_url, out, log, env) for out, log in paths]
    try:
        codes = [p.wait(timeout=300) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    workers = []
    for (out, log), code in zip(paths, codes, strict=True):
        text = log.read_text(encoding="utf-8")
        items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        workers.append({"code": code, "items": items, "log": text})
    left = _redis_keys(redis_url)
    expected = {a.url: a for a in expected_articles(SITES.split(","), since=SINCE, until=UNTIL)}
    return {"workers": workers, "expected": expected, "keys_left": left}


def _redis_keys(redis_url: str) -> list[str]:
    import redis

    return sorted(k.decode() for k in redis.Redis.from_url(redis_url).keys("*"))


def _stats(log: str) -> str:
    return log[log.rfind("Dumping Scrapy stats:") :]


def test_both_workers_finish_by_themselves(two_workers):
    for worker in two_workers["workers"]:
        # Page 3 of the replica's page3-503 story always fails: the worker that fetched it lost
        # a page and exits 1 (a partial item); every other worker exits 0.
        lost = "'newscrawl/lost/page_failed': 1" in _stats(worker["log"])
        assert worker["code"] == (1 if lost else 0), worker["log"][-3000:]
        assert "'finish_reason': 'finished'" in _stats(worker["log"])
    assert (
        sum("'newscrawl/lost/page_failed': 1" in _stats(w["log"]) for w in two_workers["workers"])
        == 1
    )


def test_one_worker_seeds_and_the_other_joins(two_workers):
    logs = [w["log"] for w in two_workers["workers"]]
    assert sum("Redis crawl tribun:run: seeding" in log for log in logs) == 1
    assert sum("Redis crawl tribun:run: joining" in log for log in logs) == 1


def test_every_in_window_article_exactly_once_across_workers(two_workers):
    urls = [i["url"] for w in two_workers["workers"] for i in w["items"]]
    assert len(urls) == len(set(urls)), "an article was emitted by both workers"
    assert set(urls) == set(two_workers["expected"])


def test_each_worker_did_part_of_the_work(two_workers):
    for worker in two_workers["workers"]:
        assert worker["items"], "a worker emitted nothing"
        assert "'scheduler/dequeued/redis'" in _stats(worker["log"])


def test_multi_page_stories_are_merged_whichever_worker_fetched_a_page(two_workers):
    expected = two_workers["expected"]
    got = {i["url"]: i for w in two_workers["workers"] for i in w["items"]}
    multi = [u for u in multi_page_urls() if u in expected]
    assert len(multi) >= 3
    for url in multi:
        truth = expected[url]
        assert got[url]["body"] == truth.body, url
        assert got[url]["page_count"] == truth.page_count, url
        assert got[url]["pages_fetched"] == truth.pages_fetched, url


def test_no_request_was_refused_by_the_shared_queue(two_workers):
    for worker in two_workers["workers"]:
        assert "Traceback" not in worker["log"]
        assert "unserializable" not in worker["log"]


def test_the_last_worker_deletes_the_crawl_keys(two_workers):
    # A finished crawl leaves nothing behind: the same command later starts a new crawl.
    assert two_workers["keys_left"] == []


def test_without_redis_url_nothing_changes():
    settings = Settings()
    before = {k: settings[k] for k in ("SCHEDULER", "DUPEFILTER_CLASS")}
    RedisAddon().update_settings(settings)
    assert {k: settings[k] for k in before} == before
    assert not settings.getdict("EXTENSIONS")
    assert not settings.getdict("ITEM_PIPELINES")


def test_the_project_enables_the_addon():
    crawler = get_crawler(TribunSpider, get_project_settings())
    assert "newscrawl.distributed.RedisAddon" in crawler.settings.getdict("ADDONS")


def test_redis_url_switches_scheduler_dupefilter_and_idle_close():
    settings = Settings({"REDIS_URL": "redis://127.0.0.1:1/0", "ITEM_PIPELINES": {}})
    RedisAddon().update_settings(settings)
    assert settings["SCHEDULER"] == "newscrawl.redis_scheduler.RedisScheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings.getbool("SCHEDULER_PERSIST")
    assert settings.getint("MAX_IDLE_TIME_BEFORE_CLOSE") == 30
    assert "newscrawl.distributed.RedisDedupePipeline" in settings.getdict("ITEM_PIPELINES")


def test_an_explicit_idle_time_wins():
    settings = Settings({"REDIS_URL": "redis://127.0.0.1:1/0"})
    settings.set("MAX_IDLE_TIME_BEFORE_CLOSE", 5, "cmdline")
    RedisAddon().update_settings(settings)
    assert settings.getint("MAX_IDLE_TIME_BEFORE_CLOSE") == 5


def test_a_crawl_of_other_arguments_does_not_join(tmp_path, replica, redis_url):
    import redis

    other_db = redis_url.rsplit("/", 1)[0] + "/1"
    server = redis.Redis.from_url(other_db)
    running = {"run": {"spider": "tribun", "windows": {"www": ["2025-10-01", "2025-10-01"]}}}
    server.set("tribun:run", json.dumps(running))
    try:
        env = {**replica.env(), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
        log = tmp_path / "w.log"
        code = _worker(other_db, tmp_path / "w.jsonl", log, env).wait(timeout=120)
        text = log.read_text(encoding="utf-8")
    finally:
        server.flushdb()
    assert code != 0
    assert "another crawl is using this Redis" in text
    assert "downloader/request_count" not in text


def test_same_canonical_url_from_two_workers_is_written_once(redis_url):
    from newscrawl.distributed import ITEMS_KEY, RedisDedupePipeline
    from newscrawl.items import ArticleItem
    from newscrawl.pipelines import DuplicateArticle

    db = redis_url.rsplit("/", 1)[0] + "/2"
    workers = []
    for _ in range(2):
        crawler = get_crawler(TribunSpider, {"REDIS_URL": db})
        crawler.spider = crawler._create_spider(site="solo")
        workers.append(RedisDedupePipeline.from_crawler(crawler))
    url = "https://solo.tribunnews.com/2025/10/05/sama"
    try:
        assert workers[0].process_item(ArticleItem(url=url, site="solo")).url == url
        with pytest.raises(DuplicateArticle):
            workers[1].process_item(ArticleItem(url=url, site="solo"))
        assert workers[1].crawler.stats.get_value("newscrawl/dedupe/duplicates_other_worker") == 1
        other = "https://solo.tribunnews.com/2025/10/05/lain"
        assert workers[1].process_item(ArticleItem(url=other, site="solo")).url == other
    finally:
        workers[0].server.delete(ITEMS_KEY % {"spider": "tribun"})


class _IdleEngine:
    """An engine with nothing left to do, recording what it is asked to crawl."""

    spider = "tribun"

    def __init__(self) -> None:
        self.crawled: list = []

    def needs_backout(self) -> bool:
        return False

    def spider_is_idle(self) -> bool:
        return True

    def crawl(self, request) -> None:
        self.crawled.append(request)


def test_an_idle_worker_closes_on_time_not_at_the_engines_next_look(redis_url):
    """Scrapy looks at an idle spider every 5 s; a worker must not linger that long past
    MAX_IDLE_TIME_BEFORE_CLOSE once the shared queue is empty."""
    from scrapy.exceptions import DontCloseSpider

    from newscrawl.distributed import WAKE_META, RedisCoordinator

    db = redis_url.rsplit("/", 1)[0] + "/4"
    crawler = get_crawler(TribunSpider, {"REDIS_URL": db, "MAX_IDLE_TIME_BEFORE_CLOSE": 1})
    coordinator = RedisCoordinator(crawler)
    coordinator.queue_key, coordinator.keys = "tribun:requests", {"workers": "tribun:workers"}
    coordinator.last_beat = time.monotonic()
    crawler.engine = engine = _IdleEngine()
    try:
        coordinator._poll()  # the queue is empty: idle from now
        assert engine.crawled == []
        with pytest.raises(DontCloseSpider):
            coordinator.spider_idle()  # not yet empty for 1 s
        coordinator.idle_since = (coordinator.idle_since or 0) - 1.5  # 1.5 s later
        coordinator._poll()
        assert [r.meta.get(WAKE_META) for r in engine.crawled] == [True]
        coordinator.spider_idle()  # the engine, woken, asks again: the worker may close
    finally:
        coordinator.server.delete("tribun:workers")


def test_a_paused_redis_crawl_resumes_where_it_stopped(tmp_path, replica, redis_url):
    """Ctrl-C on the only worker keeps the shared queue; the same command goes on from there."""
    import signal

    import redis

    db = redis_url.rsplit("/", 1)[0] + "/3"
    replica.reset_faults()
    env = {**replica.env(), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    slow = ["-s", "CONCURRENT_REQUESTS=1", "-s", "DOWNLOAD_DELAY=0.05", "-s", "LOG_LEVEL=DEBUG"]
    out1, log1 = tmp_path / "r1.jsonl", tmp_path / "r1.log"
    first = _worker(db, out1, log1, env, slow)
    try:
        deadline = time.monotonic() + 120
        while not log1.exists() or log1.read_text(encoding="utf-8").count("Scraped from") < 5:
            assert first.poll() is None, "the first run ended before it was stopped"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        first.send_signal(signal.SIGINT)
        first.wait(timeout=120)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    waiting = redis.Redis.from_url(db).zcard("tribun:requests")
    out2, log2 = tmp_path / "r2.jsonl", tmp_path / "r2.log"
    code = _worker(db, out2, log2, env).wait(timeout=300)
    runs = [
        [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()] for p in (out1, out2)
    ]
    logs = [log.read_text(encoding="utf-8") for log in (log1, log2)]
    expected = {a.url for a in expected_articles(SITES.split(","), since=SINCE, until=UNTIL)}
    urls = [i["url"] for run in runs for i in run]
    assert "'finish_reason': 'shutdown'" in _stats(logs[0])
    # Exit 1 only if this run fetched the replica's always-failing page 3 (page3-503).
    assert code == (1 if "'newscrawl/lost/page_failed': 1" in _stats(logs[1]) else 0), logs[1]
    assert waiting > 0, "the pause left nothing in the shared queue"
    assert "Redis crawl tribun:run: joining" in logs[1], "the second run seeded again"
    assert runs[0]
    assert runs[1]
    assert len(urls) == len(set(urls))
    assert set(urls) == expected
    assert _redis_keys(db) == []


def test_redis_url_without_the_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "scrapy_redis", None)  # as if not installed
    settings = Settings({"REDIS_URL": "redis://127.0.0.1:1/0"})
    with pytest.raises(RuntimeError, match=r"pip install 'newscrawl\[redis\]'"):
        RedisAddon().update_settings(settings)
    assert settings["SCHEDULER"] == Settings()["SCHEDULER"]


def test_redis_url_without_the_extra_is_a_one_line_usage_error(tmp_path):
    # As if scrapy-redis were not installed: the crawl command refuses before crawling.
    script = (
        "import sys; sys.modules['scrapy_redis'] = None; "
        "from scrapy.cmdline import execute; execute()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, "crawl", "tribun", "-s", "REDIS_URL=redis://127.0.0.1:1/0",
         "-O", str(tmp_path / "w.jsonl")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "pip install 'newscrawl[redis]'" in lines[0]
    assert not (tmp_path / "w.jsonl").exists()
