"""Run-health monitors on fabricated stats (Spidermon's ``make_data`` pattern), no crawl.

Each case builds a crawler from the project's monitoring settings (so the add-on translates
``NEWSCRAWL_*`` thresholds into Spidermon's), fabricates the stats of a run, runs
``NightlyMonitorSuite`` and checks which monitors failed, the message, and what
``RecordMonitorResults`` left in the stats for the report.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler
from spidermon.contrib.scrapy.runners import SpiderMonitorRunner
from spidermon.utils.field_coverage import calculate_field_coverage

from newscrawl import settings as project
from newscrawl.items import ArticleItem
from newscrawl.monitors import (
    ACCOUNTED_STAT,
    EXTRACTED_STAT,
    CoverageExtension,
    NightlyMonitorSuite,
    coverage_rules,
    load_suite_results,
    site_type,
    sites_extracted,
)
from newscrawl.report import RunInfo, build_report, summary_line

MONITOR_SETTINGS = {
    name: getattr(project, name)
    for name in dir(project)
    if name.startswith(("NEWSCRAWL_", "SPIDERMON_")) or name == "ADDONS"
}


def make_data(**settings: Any) -> dict[str, Any]:
    crawler = get_crawler(settings_dict={**MONITOR_SETTINGS, **settings})
    spider = Spider.from_crawler(crawler, name="dummy")
    return {"crawler": crawler, "spider": spider, "job": None}


def site_counts(site: str, total: int, **having: int) -> dict[str, int]:
    prefix = f"{EXTRACTED_STAT}/{site_type(site)}"
    counts = {prefix: total}
    counts.update({f"{prefix}/{field}": n for field, n in having.items()})
    return counts


def run_suite(stats: dict[str, Any], **settings: Any) -> tuple[dict[str, dict[str, str]], Any]:
    data = make_data(**settings)
    crawler = data["crawler"]
    stats = {**stats}
    stats.update(calculate_field_coverage(stats))  # what Spidermon does at spider close
    crawler.stats.set_stats(stats)
    runner = SpiderMonitorRunner(spider=data["spider"])
    runner.run(NightlyMonitorSuite(crawler=crawler), stats=crawler.stats.get_stats(), **data)
    results = {r["monitor"]: r for r in load_suite_results(crawler.stats.get_stats())}
    return results, crawler


def healthy_stats(**overrides: Any) -> dict[str, Any]:
    stats: dict[str, Any] = {
        "finish_reason": "finished",
        "item_scraped_count": 50,
        "log_count/ERROR": 0,
        ACCOUNTED_STAT: 50,
        EXTRACTED_STAT: 50,
        **site_counts("makassar", 30, published_at=30, body=30, title=30, authors=29),
        **site_counts("papua", 20, published_at=20, body=20, title=20, authors=17),
    }
    stats.update(overrides)
    return stats


def test_addon_translates_thresholds() -> None:
    crawler = make_data(NEWSCRAWL_MIN_COVERAGE_AUTHORS=0.5, NEWSCRAWL_MAX_ERRORS=3)["crawler"]
    rules = crawler.settings.getdict("SPIDERMON_FIELD_COVERAGE_RULES")
    assert rules == {
        "ArticleItem/published_at": 0.99,
        "ArticleItem/body": 0.99,
        "ArticleItem/title": 0.99,
        "ArticleItem/authors": 0.5,
    }
    assert crawler.settings.getint("SPIDERMON_MAX_ERRORS") == 3
    assert coverage_rules(crawler.settings) == rules
    # Add-on priority: an explicit SPIDERMON_* value in the project settings still wins.
    explicit = make_data(NEWSCRAWL_MAX_ERRORS=3, SPIDERMON_MAX_ERRORS=7)["crawler"]
    assert explicit.settings.getint("SPIDERMON_MAX_ERRORS") == 7


def test_healthy_run_passes_every_monitor() -> None:
    results, crawler = run_suite(healthy_stats())
    assert {name: r["status"] for name, r in results.items()} == {
        "Article count": "OK",
        "Date markup": "OK",
        "Error count": "OK",
        "Field coverage": "OK",
        "Finish reason": "OK",
        "State commit": "SKIPPED",  # incremental state is off in a plain crawl
        "Lost pages": "OK",
    }
    assert crawler.stats.get_value("newscrawl/monitors/failed") == 0


@pytest.mark.parametrize(
    ("state_stats", "status", "message"),
    [
        ({"newscrawl/state/committed": 12}, "OK", ""),
        ({"newscrawl/state/committed": 0}, "OK", ""),
        (
            {"newscrawl/state/failed": "state commit to s.sqlite3 failed (OperationalError: "
             "database is locked)"},
            "FAIL",
            "database is locked",
        ),
        ({}, "FAIL", "the state was never committed"),
    ],
)  # fmt: skip
def test_state_commit_monitor(state_stats: dict[str, Any], status: str, message: str) -> None:
    results, crawler = run_suite(healthy_stats(**state_stats), NEWSCRAWL_STATE_ENABLED=True)
    assert results["State commit"]["status"] == status
    assert message in results["State commit"]["message"]
    info = RunInfo(
        run_id="r",
        started_at=datetime(2025, 10, 6, 2),
        finished_at=datetime(2025, 10, 6, 2, 5),
        sites=["makassar"],
        window={},
    )
    report = build_report(crawler.stats.get_stats(), info)
    assert report["exit_code"] == (0 if status == "OK" else 1)
    if message:
        assert any(message in f for f in report["failures"])


def test_monitors_run_when_the_engine_stops_after_the_state_commit() -> None:
    """At spider close the feeds (and the state commit after them) run concurrently with
    Spidermon's close monitors; at engine stop they are done."""
    assert project.SPIDERMON_ENGINE_STOP_MONITORS == ["newscrawl.monitors.NightlyMonitorSuite"]
    assert not getattr(project, "SPIDERMON_SPIDER_CLOSE_MONITORS", None)


def test_coverage_drops_counted_without_spidermons_extension() -> None:
    """The network-wide coverage counters for dropped items are written by CoverageExtension
    itself, not by calling into Spidermon's extension (which may be absent or change)."""
    from newscrawl.pipelines import MissingPublicationDate

    extensions = {k: v for k, v in project.EXTENSIONS.items() if "spidermon" not in k}
    data = make_data(EXTENSIONS=extensions, SPIDERMON_ENABLED=True)
    crawler = data["crawler"]
    crawler.spider = data["spider"]
    ext = crawler.get_extension(CoverageExtension)
    assert ext is not None
    undated = ArticleItem(url="u2", site="papua", title="t", body="b", authors=["N/A"])
    ext.item_dropped(undated, None, MissingPublicationDate("x"))
    assert crawler.stats.get_value(EXTRACTED_STAT) == 1
    assert crawler.stats.get_value(f"{EXTRACTED_STAT}/ArticleItem") == 1
    assert crawler.stats.get_value(f"{EXTRACTED_STAT}/ArticleItem/title") == 1
    assert crawler.stats.get_value(f"{EXTRACTED_STAT}/ArticleItem/published_at") is None


@pytest.mark.parametrize(("loose", "ok"), [(0, True), (1, True), (2, False), (100, False)])
def test_date_markup_monitor_threshold(loose, ok) -> None:
    # 100 makassar pages; 1 % may have their date only as loose text.
    stats = healthy_stats(
        **{"newscrawl/dates/pages/makassar": 100, "newscrawl/dates/from_loose_text/makassar": loose}
    )
    results, _ = run_suite(stats)
    assert (results["Date markup"]["status"] == "OK") is ok
    if not ok:
        assert (
            f"makassar published_at from known date markup {1 - loose / 100:.1%}"
            in (results["Date markup"]["message"])
        )


def test_one_site_losing_its_dates_fails_coverage_naming_site_and_field() -> None:
    # papua's date markup broke: its articles are dropped for a missing date, but still count.
    stats = healthy_stats(**site_counts("papua", 20, published_at=0, body=20, title=20, authors=17))
    results, _ = run_suite(stats)
    coverage = results["Field coverage"]
    assert coverage["status"] == "FAIL"
    assert "papua published_at 0.0% < 99% (0 of 20 articles)" in coverage["message"]
    assert "makassar" not in coverage["message"]


@pytest.mark.parametrize(
    ("field", "having", "ok"),
    [
        ("body", 30, True),
        ("body", 29, False),  # 96.7 % < 99 %
        ("authors", 24, True),  # 80 %
        ("authors", 23, False),  # 76.7 % < 80 %
        ("title", 29, False),
    ],
)
def test_coverage_thresholds(field: str, having: int, ok: bool) -> None:
    counts = {"published_at": 30, "body": 30, "title": 30, "authors": 30, field: having}
    results, _ = run_suite(healthy_stats(**site_counts("makassar", 30, **counts)))
    assert (results["Field coverage"]["status"] == "OK") is ok
    if not ok:
        assert f"makassar {field}" in results["Field coverage"]["message"]


def test_site_override_for_a_template_without_bylines() -> None:
    # solo's template shows no "Penulis": authors 0 % must not fail every night.
    stats = healthy_stats(**site_counts("solo", 12, published_at=12, body=12, title=12))
    results, _ = run_suite(stats)
    assert results["Field coverage"]["status"] == "OK"
    results, _ = run_suite(stats, NEWSCRAWL_COVERAGE_SITE_OVERRIDES={})
    assert "solo authors 0.0% < 80%" in results["Field coverage"]["message"]


def test_nothing_extracted_skips_coverage_but_fails_article_count() -> None:
    stats = {
        "finish_reason": "finished",
        ACCOUNTED_STAT: 0,
        EXTRACTED_STAT: 0,
        "log_count/ERROR": 0,
    }
    results, crawler = run_suite(stats)
    assert results["Field coverage"]["status"] == "SKIPPED"
    assert results["Article count"]["status"] == "FAIL"
    assert "newscrawl/articles/accounted" in results["Article count"]["message"]
    assert crawler.stats.get_value("newscrawl/monitors/failed") == 1


def test_incremental_run_with_nothing_new_is_healthy() -> None:
    # Everything was exported before: skipped as seen or found unchanged, nothing emitted.
    stats = {
        "finish_reason": "finished",
        "log_count/ERROR": 0,
        ACCOUNTED_STAT: 120,
        EXTRACTED_STAT: 0,
        "newscrawl/state/skipped_seen": 120,
    }
    results, _ = run_suite(stats)
    assert all(r["status"] in ("OK", "SKIPPED") for r in results.values()), results


def test_errors_and_finish_reason() -> None:
    results, _ = run_suite(healthy_stats(**{"log_count/ERROR": 1}))
    assert results["Error count"]["status"] == "FAIL"
    results, _ = run_suite(healthy_stats(**{"log_count/ERROR": 2}), NEWSCRAWL_MAX_ERRORS=2)
    assert results["Error count"]["status"] == "OK"
    results, _ = run_suite(healthy_stats(finish_reason="shutdown"))
    assert results["Finish reason"]["status"] == "FAIL"
    assert "shutdown" in results["Finish reason"]["message"]


def test_sites_extracted_maps_pseudo_types_back() -> None:
    stats = {**site_counts("jatim-timur", 3), **site_counts("solo", 0), "other": 1}
    assert site_type("jatim-timur") == "site_jatim_timur"
    assert sites_extracted(stats) == {"jatim-timur": 3}


def test_coverage_extension_counts_emitted_and_coverage_drops() -> None:
    from newscrawl.pipelines import MissingPublicationDate, OutOfWindow
    from newscrawl.state import UnchangedArticle

    data = make_data(EXTENSIONS=project.EXTENSIONS, SPIDERMON_ENABLED=True)
    crawler = data["crawler"]
    crawler.spider = data["spider"]
    ext = crawler.get_extension(CoverageExtension)
    assert ext is not None
    ext.spider_opened()
    full = ArticleItem(url="u1", site="papua", title="t", body="b", authors=["a"], published_at="p")
    undated = ArticleItem(url="u2", site="papua", title="t", body="b", authors=[])
    ext.item_scraped(full)
    ext.item_dropped(undated, None, MissingPublicationDate("x"))
    ext.item_dropped(full, None, UnchangedArticle("x"))
    ext.item_dropped(full, None, OutOfWindow("x"))  # by design: not counted
    stats = crawler.stats
    prefix = f"{EXTRACTED_STAT}/site_papua"
    assert stats.get_value(prefix) == 3
    assert stats.get_value(f"{prefix}/published_at") == 2
    assert stats.get_value(f"{prefix}/authors") == 2  # empty list counts as missing
    assert stats.get_value("log_count/ERROR") == 0
    # The coverage drops also reach Spidermon's network-wide counter, where None is missing.
    assert stats.get_value(f"{EXTRACTED_STAT}/ArticleItem") == 2
    assert stats.get_value(f"{EXTRACTED_STAT}/ArticleItem/published_at") == 1
    assert stats.get_value(f"{EXTRACTED_STAT}/ArticleItem/title") == 2
    stats.set_value("item_scraped_count", 1)
    stats.set_value("newscrawl/state/unchanged", 1)
    stats.set_value("newscrawl/state/skipped_seen", 5)
    ext.spider_closed()
    assert stats.get_value(ACCOUNTED_STAT) == 7


def test_report_and_summary_line_from_monitor_results(tmp_path: Any) -> None:
    stats = healthy_stats(**site_counts("papua", 20, published_at=0, body=20, title=20, authors=17))
    stats.update(
        {
            "newscrawl/state/new": 40,
            "newscrawl/state/updated": 1,
            "newscrawl/state/skipped_seen": 7,
            "item_dropped_reasons_count/MissingPublicationDate": 20,
        }
    )
    _, crawler = run_suite(stats)
    now = datetime(2025, 10, 6, 2, 0).astimezone()
    info = RunInfo(
        run_id="r",
        started_at=now,
        finished_at=now + timedelta(seconds=83),
        sites=["makassar", "papua"],
        window={"makassar": ("2025-10-05", "2025-10-06")},
    )
    report = build_report(crawler.stats.get_stats(), info)
    assert report["status"] == "unhealthy"
    assert report["exit_code"] == 1
    assert report["counts"]["new"] == 40
    assert report["dropped"] == {"MissingPublicationDate": 20}
    assert any("papua published_at" in f for f in report["failures"])
    line = summary_line(report)
    assert line.startswith("newscrawl nightly UNHEALTHY: sites makassar,papua | new 40 | updated 1")
    assert "skipped as seen 7" in line
    assert "0:01:23" in line
    assert "FAILED Field coverage: coverage below threshold: papua published_at" in line
    assert "\n" not in line

    _, crawler = run_suite(healthy_stats())
    assert build_report(crawler.stats.get_stats(), info)["exit_code"] == 0
    # No monitor results at all (Spidermon off) is not silently healthy.
    assert build_report({}, info)["exit_code"] == 1
