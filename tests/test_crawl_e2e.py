"""End to end: the real ``scrapy crawl tribun`` against the offline replica, through the proxy.

One crawl of five sites in three zones (2025-10-05..06) runs once per module in a subprocess,
exactly as a user would run it; every test then checks its output and stats against the
replica's ground truth.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.replica import (
    amp_links,
    decoy_urls,
    expected_articles,
    fault_cases,
    multi_page_urls,
)
from newscrawl.replica.content import article_models

pytestmark = pytest.mark.e2e

SITES = "www,solo,jateng,makassar,papua"
SINCE, UNTIL = "2025-10-05", "2025-10-06"
OFFSETS = {
    "www": "+07:00",
    "solo": "+07:00",
    "jateng": "+07:00",
    "makassar": "+08:00",
    "papua": "+09:00",
}
BOILERPLATE = [
    "Baca juga", "Baca:", "Artikel ini telah tayang", "Ringkasan Berita", "Halaman selanjutnya",
    "Berita Terkait", "Ikuti kami di", "lihat foto", "googletag", "Laporan Wartawan",
    "Advertisement", "Sesuai Minatmu", "Tayang:", "(*)",
    # real-page variants (docs/variants.md)
    "Berita ini telah tayang", "Selengkapnya :", "Baca Selengkapnya", "Berita Rekomendasi",
    "zoom-in", "Penulis:", "Editor:", "Hebat", "\u00c2", "\u0100", "Text Sizes", "•",
]  # fmt: skip
PAGE_MARKER = re.compile(r"\d+ dari \d+ halaman", re.IGNORECASE)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory, replica):
    replica.reset_faults()
    out = tmp_path_factory.mktemp("crawl")
    jsonl, csv_path, log = out / "out.jsonl", out / "out.csv", out / "crawl.log"
    env = {**replica.env(), "PATH": "/usr/bin:/bin", "HOME": str(out)}
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "tribun",
         "-a", f"site={SITES}", "-a", f"since={SINCE}", "-a", f"until={UNTIL}",
         "-O", str(jsonl), "-O", str(csv_path),
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", f"LOG_FILE={log}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    log_text = log.read_text(encoding="utf-8")
    # Page 3 of the page3-503 story is lost (it always answers 503): everything else is written,
    # and the exit code says a page was lost (test_lost_page_makes_exit_code_1).
    assert result.returncode == 1, result.stderr[-2000:] + log_text[-3000:]
    items = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    stats_text = log_text[log_text.rfind("Dumping Scrapy stats:") :]
    return {
        "items": items,
        "log": log_text,
        "stats": stats_text,
        "csv": csv_path,
        "stderr": result.stderr,
    }


@pytest.fixture(scope="module")
def expected():
    return {a.url: a for a in expected_articles(SITES.split(","), since=SINCE, until=UNTIL)}


def _by_url(crawl):
    return {item["url"]: item for item in crawl["items"]}


def test_every_in_window_article_exactly_once(crawl, expected):
    urls = [item["url"] for item in crawl["items"]]
    assert len(urls) == len(set(urls)), "an article was emitted twice"
    assert set(urls) == set(expected)


def test_no_out_of_window_or_non_article(crawl):
    decoys = set(decoy_urls())
    for item in crawl["items"]:
        assert item["url"] not in decoys
        assert "/tag/" not in item["url"]
        assert "/topic/" not in item["url"]
        assert "video." not in item["url"]
        assert item["published_at"][:10] in (SINCE, UNTIL)


def test_published_at_has_the_sites_offset_and_matches_truth(crawl, expected):
    for item in crawl["items"]:
        assert item["published_at"].endswith(OFFSETS[item["site"]]), item["url"]
        assert item["published_at"] == expected[item["url"]].published_at


def test_multi_page_articles_are_merged(crawl, expected):
    got = _by_url(crawl)
    multi = [u for u in multi_page_urls() if u in expected]
    assert multi, "the replica has multi-page stories in the window"
    for url in multi:
        truth = expected[url]
        assert got[url]["page_count"] == truth.page_count
        assert got[url]["pages_fetched"] == (
            truth.page_count - 1 if truth.is_partial else truth.page_count
        )
        assert got[url]["body"] == truth.body


def test_bodies_and_fields_match_the_ground_truth(crawl, expected):
    for item in crawl["items"]:
        truth = expected[item["url"]].as_item()
        for field in (
            "title",
            "lead",
            "body",
            "authors",
            "editor",
            "reporter",
            "tags",
            "page_count",
            "is_partial",
        ):
            assert item[field] == truth[field], (item["url"], field)


def test_no_boilerplate_in_any_body(crawl):
    for item in crawl["items"]:
        for phrase in BOILERPLATE:
            assert phrase not in item["body"], (item["url"], phrase)
        assert not PAGE_MARKER.search(item["body"]), item["url"]


def test_failed_page_makes_a_partial_item(crawl):
    partial = [i for i in crawl["items"] if i["is_partial"]]
    assert len(partial) == 1
    assert partial[0]["url"] == fault_cases()["page3-503"]
    assert partial[0]["page_count"] == 3
    assert partial[0]["pages_fetched"] == 2


def test_lost_page_makes_exit_code_1_with_one_summary_line(crawl):
    summary = [line for line in crawl["stderr"].splitlines() if line.startswith("scrapy crawl:")]
    assert len(summary) == 1, crawl["stderr"][-2000:]
    assert summary[0].startswith(
        "scrapy crawl: 1 page(s) lost: 1 story page 2+ failed after retries; "
        "1 article written partial"
    )
    assert f"Page 3 of {fault_cases()['page3-503']} failed" in crawl["log"]


def test_fault_cases_recovered(crawl):
    got = _by_url(crawl)
    faults = fault_cases()
    for name in ("flaky-500", "http-link", "m-link", "truncated"):
        assert faults[name] in got, name
    assert faults["dead-link"] not in got


def test_stats_count_skips_and_nothing_crashed(crawl):
    stats = crawl["stats"]
    # The only ERROR is Scrapy giving up on the page that always answers 503.
    assert "'log_count/ERROR': 1," in stats
    assert "'retry/max_reached': 1," in stats
    assert "'finish_reason': 'finished'" in stats
    assert "newscrawl/discovery/index_ends_by_repeat" in stats
    assert "newscrawl/pages/failed': 1" in stats
    assert "retry/count" in stats


def test_csv_has_the_same_articles_in_field_order(crawl):
    import csv

    from newscrawl.exporters import CSV_COLUMNS

    with crawl["csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert {r["url"] for r in rows} == {i["url"] for i in crawl["items"]}


def test_every_real_page_variant_comes_out_right(crawl, expected):
    """Each variant of docs/variants.md is in the window and its articles are emitted with
    every field of the ground truth (AMP/m. listed ones under their desktop URL)."""
    got = _by_url(crawl)
    window = [a for a in article_models(SITES.split(",")) if a.url in expected]
    kinds = {v for a in window for v in a.variants}
    assert len(kinds) >= 20, sorted(kinds)
    for article in (a for a in window if a.variants):
        item = got[article.url]
        truth = expected[article.url].as_item()
        for field in ("title", "lead", "body", "authors", "editor", "tags", "published_at"):
            assert item[field] == truth[field], (article.variants, field)
    listed_amp = amp_links()
    assert listed_amp
    for canonical in listed_amp.values():
        if canonical in expected:
            assert canonical in got
            assert "/amp/" not in got[canonical]["url"]


def test_copy_footers_become_syndicated_from_in_jsonl_and_csv(crawl):
    """The replica's copy footers (docs/variants.md 1) are gone from the bodies and kept in
    ``syndicated_from``: an object in JSON Lines, three columns in the CSV."""
    import csv

    from newscrawl.replica.content import CopyFooter
    from newscrawl.urls import canonical_article_url

    footers = {}
    for article in article_models(SITES.split(",")):
        blocks = [b for page in article.pages for b in page if isinstance(b, CopyFooter)]
        if blocks:
            footers[article.url] = blocks[-1]
    got = _by_url(crawl)
    with_footer = [url for url in footers if url in got]
    assert len(with_footer) >= 3
    for url in with_footer:
        footer = footers[url]
        link = None if footer.style == "berita" else canonical_article_url(footer.url)
        assert got[url]["syndicated_from"] == {
            "site_name": footer.brand,
            "url": link,
            "title": footer.title,
        }
    assert sum(1 for item in crawl["items"] if item["syndicated_from"]) == len(with_footer)
    with crawl["csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["url"]: r for r in csv.DictReader(fh)}
    row = rows[with_footer[0]]
    assert row["syndicated_from_title"] == footers[with_footer[0]].title
    assert row["syndicated_from_site_name"] == footers[with_footer[0]].brand
