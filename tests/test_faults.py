"""Fault injection: the real ``scrapy crawl tribun`` against a replica serving broken pages.

One replica with a fault injected on one article each (``newscrawl.replica.faults``) serves
one crawl of two small sites for one day; each test then checks what newscrawl did about its
fault, in the output and in the stats, as the README's fault table documents. The hostile-site
acceptance crawl (hostile JSON-LD, a huge @graph, deep HTML, a formula title, a surrogate) runs
separately, writes a CSV too and measures the crawl's peak RSS. Redirect loops and too many
redirects are tested in ``test_redirects.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newscrawl.replica import ReplicaServer, expected_articles
from newscrawl.replica.faults import FAULTS, FaultTable, gzip_bomb, url_key

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]
DAY = "2025-10-05"
J = f"https://jateng.tribunnews.com/{DAY.replace('-', '/')}/"
M = f"https://makassar.tribunnews.com/{DAY.replace('-', '/')}/"
HTTP_FAULTS = {
    J + "perbaikan-jalan-di-kendal-dievaluasi-hidayat-masih-banyak-pekerjaan-rumah": "status-429",
    J + "dprd-soroti-lambatnya-penataan-pasar-tradisional-di-semarang": "503-once",
    J + "pemkab-kendal-libatkan-warga-dalam-pembangunan-drainase": "status-500",
    J + "pengamat-harga-telur-ayam-masih-akan-fluktuatif-hingga-desember": "no-charset",
    J + "dprd-kendal-libatkan-warga-dalam-penataan-pedagang-kaki-lima": "slow:20",
    J + "pemkab-salatiga-kebut-layanan-administrasi-kependudukan-target-rampung-desember": "reset",
    J + "bmkg-peringatkan-potensi-kebakaran-lahan-di-kudus-sepekan-ke-depan": "short-body",
    M + "pengamat-harga-bawang-merah-masih-akan-fluktuatif-hingga-desember": "redirect-chain",
    M + "warga-terdampak-kebakaran-lahan-di-parepare-mulai-terima-bantuan": "not-html",
    M + "pemkot-bone-libatkan-warga-dalam-penataan-pedagang-kaki-lima": "empty-200",
    M + "dito-mahendra-wijaya-rilis-single-baru-terinspirasi-kisah-pribadi": "robots-disallow",
    M + "persib-bandung-pantau-pemain-asing-baru-untuk-putaran-kedua": "wrong-charset",
    M + "kronologi-peredaran-narkoba-yang-resahkan-warga-makassar": "oversize",
    M + "polres-gowa-bentuk-tim-khusus-berantas-judi-online": "gzip-bomb",
}
BY_FAULT = {fault.partition(":")[0]: url for url, fault in HTTP_FAULTS.items()}
CRAWL_SETTINGS = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    # Short enough that the slow page (20 s) times out on every try, long enough for a
    # loaded CI machine to serve the others; one retry is enough for the "once" faults.
    "DOWNLOAD_TIMEOUT": "8",
    "RETRY_TIMES": "1",
}
_STAT = re.compile(r"^\s*'([^']+)': (\d+),?$", re.MULTILINE)


def run_crawl(
    srv: ReplicaServer,
    out: Path,
    sites: str,
    since: str,
    until: str,
    *extra: str,
    wrapper: tuple[str, ...] = (),
) -> dict[str, Any]:
    """``scrapy crawl tribun`` through ``srv``; items, stats, log text and the exit code."""
    jsonl, log = out / "out.jsonl", out / "crawl.log"
    env = {**srv.env(), "PATH": "/usr/bin:/bin", "HOME": str(out)}
    settings = [a for k, v in CRAWL_SETTINGS.items() for a in ("-s", f"{k}={v}")]
    result = subprocess.run(
        [sys.executable, *wrapper, "-m", "scrapy", "crawl", "tribun",
         "-a", f"site={sites}", "-a", f"since={since}", "-a", f"until={until}",
         "-O", str(jsonl), *settings, "-s", f"LOG_FILE={log}", *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    lines = jsonl.read_text(encoding="utf-8").splitlines() if jsonl.exists() else []
    dump = text[text.rfind("Dumping Scrapy stats:") :]
    return {
        "code": result.returncode,
        "stderr": result.stderr,
        "items": {i["url"]: i for i in map(json.loads, lines)},
        "stats": {k: int(v) for k, v in _STAT.findall(dump)},
        "log": text,
        "requests": list(srv.requests),
    }


def hits(crawl: dict[str, Any], url: str) -> list[int]:
    """Statuses the replica answered for ``url`` (any query), in order."""
    host, path = url_key(url)
    return [
        r["status"]
        for r in crawl["requests"]
        if r["host"] == host and r["path"].split("?")[0] == path
    ]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with ReplicaServer(inject=HTTP_FAULTS) as srv:
        return run_crawl(srv, tmp_path_factory.mktemp("faults"), "jateng,makassar", DAY, DAY)


@pytest.fixture(scope="module")
def truth() -> dict[str, Any]:
    return {a.url: a for a in expected_articles(["jateng", "makassar"], since=DAY, until=DAY)}


def test_every_article_without_a_fault_is_emitted_intact(crawl, truth):
    # Pages were lost (always 500, slow, reset, short body, the two refused over the size cap,
    # page 3 of the replica's page3-503 story): written what it could, then exit 1.
    assert crawl["code"] == 1, crawl["stderr"][-2000:]
    assert crawl["stderr"].startswith(
        "scrapy crawl: 7 page(s) lost: 4 articles failed after retries, "
        "1 story page 2+ failed after retries, 2 pages over the size cap; "
        "1 article written partial"
    ), crawl["stderr"][-2000:]
    clean = set(truth) - set(HTTP_FAULTS)
    assert clean <= set(crawl["items"])
    for url in clean:
        assert crawl["items"][url]["body"] == truth[url].as_item()["body"], url
    assert crawl["stats"]["log_count/ERROR"] >= 1


def test_429_and_503_once_are_retried_and_the_article_kept(crawl, truth):
    for name, status in (("status-429", 429), ("503-once", 503)):
        url = BY_FAULT[name]
        assert hits(crawl, url) == [status, 200], name
        assert crawl["items"][url]["body"] == truth[url].as_item()["body"], name
    assert crawl["stats"]["retry/reason_count/429 Unknown Status"] == 1
    # 503 once here and page 3 of the replica's own page3-503 story (1 try + 1 retry).
    assert crawl["stats"]["retry/reason_count/503 Service Unavailable"] == 2
    # Each retry waited its "Retry-After: 1" (page3-503 sends none): newscrawl/retry.py.
    assert crawl["stats"]["newscrawl/retry/after_waited"] == 2


def test_always_500_is_retried_then_given_up(crawl):
    url = BY_FAULT["status-500"]
    assert hits(crawl, url) == [500, 500]
    assert url not in crawl["items"]
    assert f"Gave up retrying <GET {url}>" in crawl["log"]
    assert crawl["stats"]["retry/reason_count/500 Internal Server Error"] == 1
    assert f"WARNING: Lost article {url}: HTTP 500" in crawl["log"]


def test_slow_page_times_out_and_is_given_up(crawl):
    url = BY_FAULT["slow"]
    assert len(hits(crawl, url)) == 2  # the first try and one retry, each cut at 8 s
    assert url not in crawl["items"]
    assert (
        crawl["stats"]["downloader/exception_type_count/scrapy.exceptions.DownloadTimeoutError"]
        == 2
    )


def test_reset_and_short_body_are_retried_then_given_up(crawl):
    for name in ("reset", "short-body"):
        url = BY_FAULT[name]
        assert len(hits(crawl, url)) == 2, name
        assert url not in crawl["items"], name
        assert f"Gave up retrying <GET {url}>" in crawl["log"], name
        assert f"WARNING: Lost article {url}: ResponseDataLossError" in crawl["log"], name
    # Both end before Content-Length bytes came: two URLs, two tries each.
    exc = "downloader/exception_type_count/scrapy.exceptions.ResponseDataLossError"
    assert crawl["stats"][exc] == 4


def test_redirect_chain_is_followed_to_the_article(crawl, truth):
    url = BY_FAULT["redirect-chain"]
    assert hits(crawl, url) == [301, 302, 307, 308, 200]
    item = crawl["items"][url]
    assert item["body"] == truth[url].as_item()["body"]
    assert crawl["stats"]["downloader/response_status_count/308"] == 1


def test_charset_faults_still_decode_utf8_text(crawl, truth):
    for name in ("no-charset", "wrong-charset"):
        url = BY_FAULT[name]
        item = crawl["items"][url]
        assert item["title"] == truth[url].title, name
        assert item["body"] == truth[url].as_item()["body"], name
        assert "–" in item["body"] + item["title"], name
    # Only the mislabelled page needed re-reading; it is counted and logged once.
    assert crawl["stats"]["newscrawl/encoding/declared_wrong"] == 1
    assert crawl["log"].count("is UTF-8, read as UTF-8") == 1


def test_non_html_and_empty_pages_are_counted_not_emitted(crawl):
    from newscrawl.replica.faults import PDF

    url = BY_FAULT["not-html"]
    assert hits(crawl, url) == [200]
    assert url not in crawl["items"]
    assert f"WARNING: Not an HTML page ({len(PDF)} bytes): {url}" in crawl["log"]
    assert crawl["stats"]["newscrawl/extract/not_html"] == 1
    url = BY_FAULT["empty-200"]
    assert hits(crawl, url) == [200]
    assert url not in crawl["items"]
    assert f"WARNING: Not an article (no title or no body): {url}" in crawl["log"]
    assert crawl["stats"]["newscrawl/extract/not_article"] == 1


def test_robots_disallowed_article_is_never_fetched(crawl):
    url = BY_FAULT["robots-disallow"]
    assert hits(crawl, url) == []
    assert url not in crawl["items"]
    assert crawl["stats"]["robotstxt/forbidden"] >= 1


def test_oversize_page_and_gzip_bomb_are_refused_and_counted(crawl):
    for name in ("oversize", "gzip-bomb"):
        url = BY_FAULT[name]
        assert hits(crawl, url) == [200], name  # refused once, not retried
        assert url not in crawl["items"], name
    assert crawl["stats"]["newscrawl/download/too_large"] == 2
    bomb = BY_FAULT["gzip-bomb"]
    assert re.search(
        rf"WARNING: Ignored response <200 {re.escape(bomb)}> .* exceeded DOWNLOAD_MAXSIZE "
        r"\(8388608 B\) during decompression",
        crawl["log"],
    )


# -- the fault table itself --------------------------------------------------------------------


def test_every_fault_has_a_readme_row_and_a_crawl_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Faults: what newscrawl does") :]
    table = table[: table.index("\n## ")]
    redirects = (ROOT / "tests" / "test_redirects.py").read_text(encoding="utf-8")
    crawled = {f.partition(":")[0] for f in [*HTTP_FAULTS.values(), *HOSTILE_FAULTS.values()]}
    for name in FAULTS:
        assert f"`{name}`" in table or f"`{name}:" in table, name
        assert name in crawled or f'"{name}"' in redirects, name


def test_fault_table_matches_host_and_path_and_counts_hits():
    table = FaultTable({"https://solo.tribunnews.com/a": "status-429:2", "/b": "status-500"})
    assert table.lookup("solo.tribunnews.com", "/a") is not None
    assert table.lookup("solo.tribunnews.com", "/a")[1] == 2
    assert table.lookup("www.tribunnews.com", "/a") is None
    assert table.lookup("papua.tribunnews.com", "/b") is not None  # host-less entry
    table.reset()
    assert table.lookup("solo.tribunnews.com", "/a")[1] == 1
    with pytest.raises(ValueError, match="unknown fault 'nope'"):
        table.set("/c", "nope")


ARTICLE = J + "perbaikan-jalan-di-kendal-dievaluasi-hidayat-masih-banyak-pekerjaan-rumah"


def _served(srv: ReplicaServer, fault: str, times: int = 1) -> list[Any]:
    srv.clear_injected()
    srv.inject(ARTICLE, fault)
    return [srv.get(ARTICLE) for _ in range(times)]


@pytest.fixture(scope="module")
def server():
    with ReplicaServer() as srv:
        yield srv


def test_status_faults_as_served(server):
    first, second = _served(server, "status-429", 2)
    assert (first.status, first.headers["retry-after"], second.status) == (429, "1", 200)
    assert [r.status for r in _served(server, "status-429:2", 3)] == [429, 429, 200]
    assert [r.status for r in _served(server, "503-once", 2)] == [503, 200]
    assert [r.status for r in _served(server, "status-500", 3)] == [500, 500, 500]


def test_transport_faults_as_served(server):
    import http.client
    import time

    start = time.monotonic()
    assert _served(server, "slow:0.3")[0].status == 200
    assert time.monotonic() - start >= 0.3
    for fault in ("reset", "short-body"):
        with pytest.raises((http.client.IncompleteRead, ConnectionError)):
            _served(server, fault)
    assert len(_served(server, "oversize:2")[0].body) == 2 << 20


def test_redirect_faults_as_served(server):
    server.clear_injected()
    server.inject(ARTICLE, "redirect-chain")
    url, seen = ARTICLE, []
    for _ in range(5):
        got = server.get(url)
        seen.append(got.status)
        url = got.location or url
    assert seen == [301, 302, 307, 308, 200]
    assert url == ARTICLE + "?hop=4"
    server.inject(ARTICLE, "redirect-loop")
    assert server.get(ARTICLE).location == ARTICLE + "?loop=1"
    assert server.get(ARTICLE + "?loop=1").location == ARTICLE


def test_body_faults_as_served(server):
    import zlib

    server.clear_injected()
    clean = server.get(ARTICLE)
    assert "charset=UTF-8" in clean.headers["content-type"]
    got = _served(server, "no-charset")[0]
    assert got.headers["content-type"] == "text/html"
    assert b"charset" not in got.body.lower().split(b"</head>")[0]
    got = _served(server, "wrong-charset")[0]
    assert got.headers["content-type"].endswith("charset=ISO-8859-1")
    head = got.body.split(b"</head>")[0]
    assert re.findall(rb"charset=[\w-]+", head) == [b"charset=ISO-8859-1"]
    got = _served(server, "gzip-bomb:2")[0]
    assert got.headers["content-encoding"] == "gzip"
    assert zlib.decompress(got.body, 31) == bytes(2 << 20)
    got = _served(server, "not-html")[0]
    assert (got.headers["content-type"], got.body[:5]) == ("application/pdf", b"%PDF-")
    got = _served(server, "empty-200")[0]
    assert (got.status, got.body) == (200, b"")
    server.inject(ARTICLE, "robots-disallow")
    robots = server.get("https://jateng.tribunnews.com/robots.txt").text
    assert f"Disallow: {url_key(ARTICLE)[1]}" in robots
    assert server.get(ARTICLE).body == clean.body


def test_hostile_content_faults_as_served(server):
    got = _served(server, "jsonld-wrong-types")[0].text
    assert '"keywords": 12345' in got
    assert '"@type": {}' in got
    assert '"item": "https://www.tribunnews.com/"' in got
    assert "[" * 100_000 in _served(server, "jsonld-deep")[0].text
    huge = _served(server, "jsonld-huge-graph")[0].text
    assert 2_000_000 < len(huge) < 4_000_000
    assert '"@id": "#n29999"' in huge
    assert "\\ud800" in _served(server, "jsonld-surrogate")[0].text
    assert "<div>" * 300 in _served(server, "deep-html")[0].text
    got = _served(server, "formula-title")[0].text
    assert re.search(r"<h1[^>]*>=HYPERLINK\(", got)
    assert '"headline": "=HYPERLINK(' in got


def test_gzip_bomb_is_small_on_the_wire_and_inflates_as_declared():
    import zlib

    bomb = gzip_bomb(64)
    assert len(bomb) < 100_000
    assert len(zlib.decompress(bomb, 31)) == 64 << 20


# -- the hostile site: every article out, memory bounded, a safe CSV ---------------------------

HOSTILE_DAY = "2025-10-04"
P = f"https://papua.tribunnews.com/{HOSTILE_DAY.replace('-', '/')}/"
HOSTILE_FAULTS = {
    P + "kasus-cek-kesehatan-gratis-di-biak-meningkat-dinkes-minta-warga-waspada": (
        "jsonld-wrong-types"
    ),
    P + "jelang-akhir-tahun-harga-beras-di-sentani-mulai-bergerak": "jsonld-deep",
    P + "kasus-balap-liar-di-biak-terungkap-kerugian-capai-rp-117-juta": "jsonld-surrogate",
    P + "pengamat-harga-emas-masih-akan-fluktuatif-hingga-desember": "jsonld-huge-graph",
    P + "warga-merauke-keluhkan-layanan-administrasi-kependudukan-ini-jawaban-pemkot-merauke": (
        "gzip-bomb"
    ),
    P + "wulandari-puas-dengan-perkembangan-pemain-muda-persipura-jayapura": "deep-html",
    P + "bmkg-peringatkan-potensi-banjir-rob-di-biak-sepekan-ke-depan": "formula-title",
}
HOSTILE_BY_FAULT = {fault: url for url, fault in HOSTILE_FAULTS.items()}
RSS_LIMIT_MB = 600
# Runs the crawl as its only child, so RUSAGE_CHILDREN is the crawl's own peak RSS (KiB).
PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("hostile")
    csv_path = out / "out.csv"
    with ReplicaServer(inject=HOSTILE_FAULTS) as srv:
        result = run_crawl(
            srv, out, "papua", HOSTILE_DAY, HOSTILE_DAY, "-O", str(csv_path),
            wrapper=("-c", PEAK_RSS, sys.executable),
        )  # fmt: skip
    result["peak_rss_mb"] = int(result["stderr"].strip().splitlines()[-1]) / 1024
    result["csv"] = csv_path
    return result


def test_hostile_site_emits_every_article_with_title_and_body(hostile):
    truth = {
        a.url: a.as_item()
        for a in expected_articles(["papua"], since=HOSTILE_DAY, until=HOSTILE_DAY)
    }
    # The gzip bomb is refused (a lost page): every other article is written, then exit 1.
    assert hostile["code"] == 1, hostile["stderr"][-2000:]
    assert "scrapy crawl: 1 page(s) lost: 1 page over the size cap" in hostile["stderr"]
    bomb = HOSTILE_BY_FAULT["gzip-bomb"]
    assert set(hostile["items"]) == set(truth) - {bomb}
    assert hostile["stats"]["newscrawl/download/too_large"] == 1
    for url, item in hostile["items"].items():
        assert item["title"], url
        assert item["body"] == truth[url]["body"], (url, HOSTILE_FAULTS.get(url))
    formula = hostile["items"][HOSTILE_BY_FAULT["formula-title"]]["title"]
    assert formula.startswith("=HYPERLINK(")  # the JSON Lines output keeps the text as it is
    surrogate = hostile["items"][HOSTILE_BY_FAULT["jsonld-surrogate"]]["title"]
    assert surrogate.startswith(truth[HOSTILE_BY_FAULT["jsonld-surrogate"]]["title"])


def test_hostile_site_peak_rss_stays_bounded(hostile):
    assert hostile["peak_rss_mb"] < RSS_LIMIT_MB


def test_hostile_site_csv_has_no_formula_cells(hostile):
    import csv

    with hostile["csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == len(hostile["items"]) + 1
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    # The formula title is there, defused by a leading apostrophe, not dropped.
    url = HOSTILE_BY_FAULT["formula-title"]
    row = dict(zip(rows[0], next(r for r in rows if url in r), strict=True))
    assert row["title"] == "'" + hostile["items"][url]["title"]


def test_hostile_site_nightly_and_export_tell_the_truth(tmp_path):
    """``newscrawl nightly`` says the refused bomb made the run unhealthy; the export CSV is safe."""
    import csv
    import os

    truth = expected_articles(["papua"], since=HOSTILE_DAY, until=HOSTILE_DAY)
    data, out = tmp_path / "data", tmp_path / "export.csv"
    cli = [sys.executable, "-m", "newscrawl.cli"]
    fast = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
    with ReplicaServer(inject=HOSTILE_FAULTS) as srv:
        night = subprocess.run(
            [*cli, "nightly", "--site", "papua", "--since", HOSTILE_DAY, "--until", HOSTILE_DAY,
             "--data-dir", str(data), "--quiet", *fast],
            env={**os.environ, **srv.env()}, capture_output=True, text=True, timeout=600,
            check=False,
        )  # fmt: skip
    assert night.returncode == 1, night.stderr[-2000:]
    assert "UNHEALTHY" in night.stdout + night.stderr
    report = json.loads(next(data.glob("runs/**/*.report.json")).read_text(encoding="utf-8"))
    assert report["counts"]["too_large"] == 1
    assert report["counts"]["emitted"] == len(truth) - 1
    assert any("DOWNLOAD_MAXSIZE" in failure for failure in report["failures"])
    export = subprocess.run(
        [*cli, "export", "--data-dir", str(data), "--out", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert export.returncode == 0, export.stderr
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == len(truth)  # the header and every article but the bomb
    assert not [c for row in rows for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
