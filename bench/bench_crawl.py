"""Crawl throughput and memory: ``scrapy crawl tribun`` against the Scrapy floor, same pages.

Run: ``.venv/bin/python bench/bench_crawl.py [--articles 1000,10000] [--rounds 3]``.

For each size N a generated replica of about N in-window articles (five sites in three time
zones, multi-page stories, index pages with decoys, news sitemaps) is served by the project's
replica proxy in its own process (so that serving never competes with the measured crawler for
the GIL), and three crawlers run, each as its own subprocess, through ``https_proxy``:

* ``crawl``: ``scrapy crawl tribun`` over the whole window with extraction, pipelines and a
  JSON Lines feed, politeness off (no AutoThrottle, no delay, ``--concurrency`` requests);
* ``parse``: a bare Scrapy spider (``bench/floor_spider.py``) that fetches exactly the URLs the
  crawl fetched (the replica's request log of a warm-up crawl) and builds each page's selector
  once, nothing else: the floor every crawler that reads its pages pays;
* ``fetch``: the same without the parse.

The runs are interleaved (crawl, parse, fetch, crawl, parse, fetch, …) and each figure is the
median over ``--rounds``. Per run: requests/s over the crawl's own elapsed time (Scrapy's
``elapsed_time_seconds``, start-up excluded), CPU ms per request and peak RSS from the child's
``rusage`` (``os.wait4``: user + system time, ``ru_maxrss``), and the replica server's CPU share
of the same wall time (from ``/proc``) to show it was not the bottleneck.

Targets (issue "network scale"): crawl/parse throughput ≥ 0.8 at every N, and the crawl's peak
RSS at the largest N ≤ 1.2× that at the smallest. Exit status 1 when a target is missed.

The replica is scaled without touching its content model: the deterministic 4-day inventory is
copied onto earlier 4-day blocks (dates, URLs and ids shifted; page bodies shared, so building
10,000 articles takes well under a second), its built-in faults are left out (a flaky page
would be fetched a different number of times by each crawler), news sitemaps list the newest
two days as the real ones do, and rendered pages are cached on disk after the warm-up so that
the server answers measured runs from files.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import pickle
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SITES = ("www", "solo", "jateng", "makassar", "papua")
BLOCK_DAYS = 4
THROUGHPUT_TARGET = 0.8
RSS_GROWTH_TARGET = 1.2
ID_STRIDE = 10_000_000


# --------------------------------------------------------------------------------------------
# The scaled replica (runs in the server subprocess)


def _shifted(article: Any, copy: int) -> Any:
    """``article`` moved ``copy`` 4-day blocks earlier: new dates, URL and id; same bodies."""
    if copy == 0:
        return dataclasses.replace(article, faults=(), truncate_after=None)
    shift = timedelta(days=BLOCK_DAYS * copy)
    old_day, new_day = article.published.date(), (article.published - shift).date()
    url = article.url.replace(f"/{old_day:%Y/%m/%d}/", f"/{new_day:%Y/%m/%d}/", 1)
    article_id = article.article_id
    if article_id.isdigit():
        article_id = str(int(article_id) + copy * ID_STRIDE)
        if article.url_shape == "www-id":
            url = url.replace(f"/{article.article_id}/", f"/{article_id}/", 1)
    return dataclasses.replace(
        article,
        url=url,
        article_id=article_id,
        published=article.published - shift,
        modified=article.modified - shift,
        faults=(),
        truncate_after=None,
    )


def scaled_articles(target: int) -> tuple[list[Any], int]:
    """About ``target`` articles of the five sites: the base inventory in 4-day copies."""
    from newscrawl.replica import content

    base = [a for a in content.inventory().articles if a.site in SITES]
    copies = max(1, round(target / len(base)))
    return [_shifted(a, c) for c in range(copies) for a in base], copies


def serve(target: int, log: str, cache_dir: str) -> int:
    """Serve the scaled replica until SIGTERM; print ``REPLICA url first-day last-day``."""
    import signal
    import threading

    from newscrawl.replica import content, render, routes
    from newscrawl.replica.server import ReplicaServer

    articles, _copies = scaled_articles(target)
    inv = content.Inventory(
        tuple(articles),
        {a.url: a for a in articles},
        {k: tuple(a for a in articles if a.site == k) for k in content.REPLICA_SITES},
    )
    content.inventory = lambda: inv  # type: ignore[assignment]
    last = max(a.local_date for a in articles)
    plain_news_sitemap = render.news_sitemap

    def recent_news_sitemap(rsite: Any, arts: Iterable[Any]) -> str:
        # A real news sitemap lists the last two days only (at most 1,000 entries).
        return plain_news_sitemap(rsite, [a for a in arts if (last - a.local_date).days < 2])

    render.news_sitemap = recent_news_sitemap  # type: ignore[assignment]
    cache = Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)

    class DiskCachedReplica(routes.Replica):
        """Rendered pages kept on disk: measured runs are answered from files."""

        def _cached(self, key: tuple[Any, ...], make: Callable[[], routes.Reply]) -> routes.Reply:
            path = cache / hashlib.sha1(repr(key).encode()).hexdigest()  # noqa: S324 - a key
            try:
                reply: routes.Reply = pickle.loads(path.read_bytes())  # noqa: S301 - our files
            except FileNotFoundError:
                reply = make()
                path.write_bytes(pickle.dumps(reply))
            return reply

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    with ReplicaServer(port=0, log=log) as srv:
        srv.replica = DiskCachedReplica()
        first = min(a.local_date for a in articles)
        print(f"REPLICA {srv.proxy_url} {first} {last} {len(articles)}", flush=True)
        while not done.wait(0.5):
            srv.requests.clear()
    return 0


# --------------------------------------------------------------------------------------------
# Measuring one run


@dataclasses.dataclass
class Run:
    kind: str
    requests: int
    elapsed: float
    wall: float
    cpu: float
    maxrss_kb: int
    server_cpu: float
    items: int

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.cpu / self.requests if self.requests else 0.0


def _proc_cpu(pid: int) -> float:
    """User + system CPU seconds of a live process (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _stat(log_text: str, key: str) -> float:
    found = re.findall(rf"'{re.escape(key)}': ([0-9.]+)", log_text)
    return float(found[-1]) if found else 0.0


def run_child(kind: str, cmd: list[str], cwd: Path, env: dict[str, str], server_pid: int) -> Run:
    """Run one crawler subprocess; its figures from its stats log and its own rusage."""
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        log = Path(tmp) / "crawl.log"
        full = [*cmd, "-s", f"LOG_FILE={log}"]
        server_before = _proc_cpu(server_pid)
        start = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        server_cpu = _proc_cpu(server_pid) - server_before
        proc.returncode = os.waitstatus_to_exitcode(status)
        text = log.read_text(encoding="utf-8", errors="replace")
        if proc.returncode != 0 or "Dumping Scrapy stats" not in text:
            sys.stderr.write(text[-3000:])
            raise SystemExit(f"{kind}: exit {proc.returncode}: {' '.join(full)}")
    return Run(
        kind=kind,
        requests=int(_stat(text, "downloader/request_count")),
        elapsed=_stat(text, "elapsed_time_seconds"),
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        maxrss_kb=usage.ru_maxrss,
        server_cpu=server_cpu / wall if wall else 0.0,
        items=int(_stat(text, "item_scraped_count")),
    )


def _urls_from_log(log: Path, since_line: int) -> list[str]:
    urls = []
    with log.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n < since_line:
                continue
            entry = json.loads(line)
            scheme = "http" if entry["scheme"] == "http" else "https"
            urls.append(f"{scheme}://{entry['host']}{entry['path']}")
    return urls


def _line_count(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def bench_size(target: int, rounds: int, concurrency: int, workdir: Path) -> dict[str, Any]:
    """Serve a replica of ``target`` articles and run the three crawlers ``rounds`` times."""
    log = workdir / f"replica-{target}.jsonl"
    log.touch()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(target), "--log", str(log)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline().split()
        if not line or line[0] != "REPLICA":
            raise SystemExit(f"replica server for {target} did not start")
        proxy, since, until, n_articles = line[1], line[2], line[3], int(line[4])
        env = {
            **os.environ,
            "https_proxy": proxy,
            "http_proxy": proxy,
            "HTTPS_PROXY": proxy,
            "HTTP_PROXY": proxy,
            "no_proxy": "",
            "NO_PROXY": "",
        }
        common = [
            "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0",
            "-s", f"CONCURRENT_REQUESTS={concurrency}",
            "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
            "-s", "LOG_LEVEL=INFO",
        ]  # fmt: skip
        feed = workdir / f"out-{target}.jsonl"
        crawl_cmd = [
            sys.executable, "-m", "scrapy", "crawl", "tribun",
            "-a", f"site={','.join(SITES)}", "-a", f"since={since}", "-a", f"until={until}",
            "-O", str(feed), *common,
        ]  # fmt: skip
        urls_file = workdir / f"urls-{target}.txt"
        floor = [sys.executable, "-m", "scrapy", "runspider", str(ROOT / "bench/floor_spider.py")]
        parse_cmd = [*floor, "-a", f"urls={urls_file}", "-a", "parse=1", *common]
        fetch_cmd = [*floor, "-a", f"urls={urls_file}", "-a", "parse=0", *common]
        floor_cwd = workdir  # no scrapy.cfg there: Scrapy's defaults, none of newscrawl's

        # Warm-up: the crawl fills the page cache and its request log is the URL list.
        mark = _line_count(log)
        warm = run_child("crawl", crawl_cmd, ROOT, env, server.pid)
        urls = _urls_from_log(log, mark)
        urls_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
        runs: dict[str, list[Run]] = {"crawl": [], "parse": [], "fetch": []}
        for _ in range(rounds):
            runs["crawl"].append(run_child("crawl", crawl_cmd, ROOT, env, server.pid))
            runs["parse"].append(run_child("parse", parse_cmd, floor_cwd, env, server.pid))
            runs["fetch"].append(run_child("fetch", fetch_cmd, floor_cwd, env, server.pid))
        return {
            "target": target,
            "articles": n_articles,
            "items": warm.items,
            "urls": len(urls),
            "runs": runs,
        }
    finally:
        server.terminate()
        server.wait(30)


def _median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def report(results: list[dict[str, Any]]) -> bool:
    """Print the table and the targets; True when every target is met."""
    ok = True
    print(
        f"{'articles':>8} {'crawler':<6} {'requests':>8} {'req/s':>7} {'CPU ms/req':>10} "
        f"{'peak RSS MB':>11} {'server CPU':>10}"
    )
    for res in results:
        for kind in ("crawl", "parse", "fetch"):
            runs = res["runs"][kind]
            print(
                f"{res['articles']:>8} {kind:<6} {int(_median(runs, 'requests')):>8} "
                f"{_median(runs, 'rps'):>7.0f} {_median(runs, 'cpu_ms_per_request'):>10.2f} "
                f"{_median(runs, 'maxrss_kb') / 1024:>11.1f} "
                f"{100 * _median(runs, 'server_cpu'):>9.0f}%"
            )
    for res in results:
        crawl, parse, fetch = (res["runs"][k] for k in ("crawl", "parse", "fetch"))
        # Ratios pair by pair within a round (A B A B), then the median of those ratios.
        vs_parse = statistics.median(c.rps / p.rps for c, p in zip(crawl, parse, strict=True))
        vs_fetch = statistics.median(c.rps / f.rps for c, f in zip(crawl, fetch, strict=True))
        met = vs_parse >= THROUGHPUT_TARGET
        ok &= met
        print(
            f"{res['articles']} articles ({res['items']} items, {res['urls']} URLs): "
            f"crawl/parse throughput {vs_parse:.2f}x, crawl/fetch {vs_fetch:.2f}x "
            f"(target crawl/parse >= {THROUGHPUT_TARGET}: {'met' if met else 'MISSED'})"
        )
    if len(results) > 1:
        small, large = results[0], results[-1]
        growth = _median(large["runs"]["crawl"], "maxrss_kb") / _median(
            small["runs"]["crawl"], "maxrss_kb"
        )
        met = growth <= RSS_GROWTH_TARGET
        ok &= met
        print(
            f"crawl peak RSS {large['articles']} vs {small['articles']} articles: {growth:.2f}x "
            f"(target <= {RSS_GROWTH_TARGET}: {'met' if met else 'MISSED'})"
        )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", default="1000,10000", help="comma list of replica sizes")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per size")
    parser.add_argument("--concurrency", type=int, default=32, help="CONCURRENT_REQUESTS")
    parser.add_argument("--keep", help="keep logs, URL lists and feeds in this directory")
    parser.add_argument(
        "--serve",
        type=int,
        metavar="N",
        help="only serve a replica of about N articles until killed (prints REPLICA proxy since"
        " until articles), e.g. to run workers against it by hand",
    )
    parser.add_argument("--log", help="with --serve: the request log (JSON Lines) to append to")
    args = parser.parse_args(argv)
    if args.serve:
        cache = tempfile.mkdtemp(prefix="bench-replica-cache-")
        try:
            return serve(args.serve, args.log, cache)
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    try:
        sizes = [int(s) for s in args.articles.split(",") if s.strip()]
    except ValueError:
        parser.error("--articles takes a comma list of integers")
    if not sizes or min(sizes) < 1 or args.rounds < 1:
        parser.error("--articles and --rounds must be positive")
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="bench-crawl-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        results = [bench_size(n, args.rounds, args.concurrency, workdir) for n in sizes]
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0 if report(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
