"""Run health as Spidermon monitors on the stats, checked when the engine stops.

``NightlyMonitorSuite`` is run by Spidermon's own extension (``SPIDERMON_ENGINE_STOP_MONITORS``;
nothing here calls into that extension). Engine stop, not spider close: at spider close the
feed exporter closes the output files and the state is committed after them, concurrently with
any close monitors, so a failed commit would be logged after the health was decided. The suite:

- ``StateCommitMonitor``: with incremental state on, the run's state transaction committed
  (``newscrawl/state/committed``), not ``newscrawl/state/failed``.

- ``FieldCoverageMonitor`` (as ``SiteFieldCoverageMonitor``): ``published_at``, ``body``, ``title``, ``authors`` coverage against
  ``NEWSCRAWL_MIN_COVERAGE_*`` (translated into ``SPIDERMON_FIELD_COVERAGE_RULES`` by
  ``MonitoringAddon``), checked per site (``SiteFieldCoverageMonitor``, a subclass that applies
  the rules to each site instead of once). Skipped when the run extracted no article at all.
- ``ErrorCountMonitor``: ``log_count/ERROR`` ≤ ``NEWSCRAWL_MAX_ERRORS`` (→ ``SPIDERMON_MAX_ERRORS``).
- ``FinishReasonMonitor``: the crawl finished (not shut down, not out of memory …).
- ``LostPagesMonitor``: no page lost and no article written partial (newscrawl/losses.py).
- ``ArticleCountMonitor`` (Spidermon's ``ItemCountMonitor`` on another stat): at least
  ``NEWSCRAWL_MIN_ARTICLES`` articles *accounted for*, i.e. emitted, or fetched and found
  unchanged, or skipped as already exported. An incremental run that finds nothing new is
  healthy; a run where discovery or extraction broke accounts for nothing and fails.

**Coverage denominator.** Spidermon counts coverage over items that reached ``item_scraped``.
In this project an article without a readable date is *dropped* (``MissingPublicationDate``)
and one without title or body too (``NotAnArticle``), so coverage over emitted items would be
100 % by construction exactly when the site's markup breaks. ``CoverageExtension`` therefore
also counts the items dropped for those reasons, and the ones dropped as ``UnchangedArticle``
(extracted fine, just not new): coverage is measured over every article *extracted* in this run,
per site (``spidermon_item_scraped_count/site_<key>/…``, turned into
``spidermon_field_coverage/site_<key>/…`` by Spidermon at close) and network-wide (the same items
are counted under Spidermon's documented ``spidermon_item_scraped_count/ArticleItem/…`` stats,
which Spidermon turns into coverage like its own). Out-of-window and duplicate drops are
left out. ``SPIDERMON_FIELD_COVERAGE_SKIP_NONE`` must be on: every ``ArticleItem`` field exists,
``None`` when missing.

**Why per site.** Spidermon's rules are static per item type. A site whose template shows no
byline (solo) would fail ``authors`` every night, and one broken site among ten would hide in a
network-wide average; so ``SiteFieldCoverageMonitor`` applies each rule to every site that
extracted something, with ``NEWSCRAWL_COVERAGE_SITE_OVERRIDES`` for per-site exceptions.

``RecordMonitorResults`` (a Spidermon action) writes each monitor's outcome into the stats
(``newscrawl/monitor/<name>`` = ``"OK"`` or ``"FAIL: <message>"``), where the nightly report and
the stats dump read them.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Mapping
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured, ScrapyDeprecationWarning
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object
from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import (
    ErrorCountMonitor,
    FieldCoverageMonitor,
    FinishReasonMonitor,
    ItemCountMonitor,
)
from spidermon.contrib.scrapy.monitors.monitors import SPIDERMON_FIELD_COVERAGE_TOLERANCE
from spidermon.core.actions import Action

from newscrawl.sites import SITES

# Spidermon 1.27's runner logs the monitor results through Spider.log(), deprecated in Scrapy
# 2.19: one warning per run in every log (and on stderr, the cron mail). Only that message from
# that module is silenced; pyproject.toml has the same filter for the test suite.
warnings.filterwarnings(
    "ignore",
    message=r"Spider\.log\(\) is deprecated",
    category=ScrapyDeprecationWarning,
    module=r"spidermon\.contrib\.scrapy\.runners",
)

# Item class name Spidermon uses in its coverage stat keys.
ITEM_TYPE = "ArticleItem"

COVERAGE_SETTINGS: dict[str, str] = {
    "published_at": "NEWSCRAWL_MIN_COVERAGE_PUBLISHED_AT",
    "body": "NEWSCRAWL_MIN_COVERAGE_BODY",
    "title": "NEWSCRAWL_MIN_COVERAGE_TITLE",
    "authors": "NEWSCRAWL_MIN_COVERAGE_AUTHORS",
}

# Values Spidermon's field coverage counts as missing besides None and other falsy ones
# (its default SPIDERMON_FIELD_COVERAGE_SKIP_VALUES, the empty ones are falsy anyway).
SPIDERMON_SKIPPED_VALUES = ("N/A", "-")
ACCOUNTED_STAT = "newscrawl/articles/accounted"
EXTRACTED_STAT = "spidermon_item_scraped_count"
MONITOR_STAT_PREFIX = "newscrawl/monitor/"

# Drop reasons whose items still count for field coverage (see the module docstring).
DEFAULT_COVERAGE_DROPS = (
    "newscrawl.pipelines.MissingPublicationDate",
    "newscrawl.pipelines.NotAnArticle",
    "newscrawl.state.UnchangedArticle",
)


def site_type(site: str) -> str:
    """The pseudo item type a site's coverage is counted under (Spidermon keys need ``\\w+``)."""
    return "site_" + re.sub(r"\W", "_", site)


def sites_extracted(stats: Mapping[str, Any]) -> dict[str, int]:
    """Articles extracted per site (the coverage denominators), from the per-site counters."""
    by_type = {site_type(key): key for key in SITES}
    found = {}
    for key, value in stats.items():
        if key.startswith(f"{EXTRACTED_STAT}/site_") and key.count("/") == 1:
            name = key.split("/", 1)[1]
            if value:
                found[by_type.get(name, name)] = int(value)
    return dict(sorted(found.items()))


def coverage_rules(settings: BaseSettings) -> dict[str, float]:
    """``SPIDERMON_FIELD_COVERAGE_RULES`` from the ``NEWSCRAWL_MIN_COVERAGE_*`` settings."""
    rules = {}
    for field, name in COVERAGE_SETTINGS.items():
        if settings.get(name) is not None:
            rules[f"{ITEM_TYPE}/{field}"] = settings.getfloat(name)
    return rules


class MonitoringAddon:
    """Translate the ``NEWSCRAWL_*`` health thresholds into Spidermon's settings.

    Runs after the project and command-line settings are in place, so ``-s
    NEWSCRAWL_MIN_COVERAGE_AUTHORS=0.5`` works. Sets at add-on priority: an explicit
    ``SPIDERMON_*`` value in the project settings or on the command line still wins.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        settings.set("SPIDERMON_FIELD_COVERAGE_RULES", coverage_rules(settings), "addon")
        settings.set("SPIDERMON_MAX_ERRORS", settings.getint("NEWSCRAWL_MAX_ERRORS", 0), "addon")


@monitors.name("Article count")
class ArticleCountMonitor(ItemCountMonitor):
    """Articles emitted, found unchanged or skipped as already exported ≥ NEWSCRAWL_MIN_ARTICLES."""

    stat_name = ACCOUNTED_STAT
    threshold_setting = "NEWSCRAWL_MIN_ARTICLES"
    assert_type = ">="


@monitors.name("Field coverage")
class SiteFieldCoverageMonitor(FieldCoverageMonitor):
    """Per site: share of extracted articles with each monitored field ≥ its threshold.

    Spidermon's ``FieldCoverageMonitor`` checks static rules for one item type. Here every
    ``ArticleItem/<field>`` rule of ``SPIDERMON_FIELD_COVERAGE_RULES`` is applied to each site
    that extracted at least one article (``spidermon_field_coverage/site_<key>/<field>``, counted
    by ``CoverageExtension``), with per-site exceptions from ``NEWSCRAWL_COVERAGE_SITE_OVERRIDES``:
    a site whose template shows no byline must not fail ``authors`` every night, and one broken
    site among ten must not hide inside a network-wide average.
    """

    def test_check_if_field_coverage_rules_are_met(self) -> None:
        settings = self.crawler.settings
        tolerance = settings.getfloat(SPIDERMON_FIELD_COVERAGE_TOLERANCE, 0)
        rules = {
            rule.partition("/")[2]: float(expected)
            for rule, expected in settings.getdict("SPIDERMON_FIELD_COVERAGE_RULES").items()
            if rule.partition("/")[0] == ITEM_TYPE
        }
        overrides = settings.getdict("NEWSCRAWL_COVERAGE_SITE_OVERRIDES")
        extracted_by_site = sites_extracted(self.data.stats)
        if not extracted_by_site:
            self.skipTest("no article was extracted in this run")
        failures = []
        for site, extracted in extracted_by_site.items():
            for field, default in rules.items():
                expected = float((overrides.get(site) or {}).get(field, default))
                key = f"{site_type(site)}/{field}"
                actual = float(self.data.stats.get(f"spidermon_field_coverage/{key}", 0))
                if actual > expected or math.isclose(actual, expected, abs_tol=tolerance):
                    continue
                having = int(self.data.stats.get(f"{EXTRACTED_STAT}/{key}", 0))
                failures.append(
                    f"{site} {field} {actual:.1%} < {expected:.0%} "
                    f"({having} of {extracted} articles)"
                )
        # A unittest assertion, as in every Spidermon monitor: its message becomes the result.
        self.assertFalse(failures, msg="coverage below threshold: " + "; ".join(failures))  # noqa: PT009


@monitors.name("Date markup")
class DateMarkupMonitor(Monitor):
    """Per site: share of article pages whose date was found only as loose text under the title
    ≤ NEWSCRAWL_MAX_DATE_FALLBACK_SHARE.

    The extractor still reads a date when the site renames its date element, so coverage stays
    up; but the known markup (JSON-LD, meta, dataLayer, ``time``, the date box) has vanished,
    which is the site change the nightly run must report before the fallback guesses wrong.
    """

    def test_date_markup_present(self) -> None:
        from newscrawl.spiders.tribun import DATES_FALLBACK_STAT, DATES_READ_STAT

        limit = self.data.crawler.settings.getfloat("NEWSCRAWL_MAX_DATE_FALLBACK_SHARE", 0.01)
        stats = self.data.stats
        failures = []
        for key, pages in sorted(stats.items()):
            if not key.startswith(DATES_READ_STAT + "/") or not pages:
                continue
            site = key.rsplit("/", 1)[1]
            loose = int(stats.get(f"{DATES_FALLBACK_STAT}/{site}", 0))
            if loose / pages > limit:
                failures.append(
                    f"{site} published_at from known date markup {1 - loose / pages:.1%} "
                    f"({loose} of {int(pages)} pages had no date markup)"
                )
        self.assertFalse(failures, msg="date markup missing: " + "; ".join(failures))  # noqa: PT009


@monitors.name("State commit")
class StateCommitMonitor(Monitor):
    """With incremental state on, the run's state transaction was committed.

    A run whose state could not be written (the database locked past its timeout, a full disk,
    a feed that failed) has its articles in the output files but not in the state: the next run
    repairs that, but this run did not finish its job and must not report healthy.
    """

    def test_state_committed(self) -> None:
        from newscrawl.state import state_enabled
        from newscrawl.statedb import STATE_COMMITTED_STAT, STATE_FAILED_STAT

        if not state_enabled(self.data.crawler.settings):
            self.skipTest("incremental state is off")
        failed = self.data.stats.get(STATE_FAILED_STAT)
        if failed:
            self.fail(str(failed))
        self.assertIn(  # noqa: PT009
            STATE_COMMITTED_STAT, self.data.stats, msg="the state was never committed"
        )


@monitors.name("Lost pages")
class LostPagesMonitor(Monitor):
    """Nothing lost: no page failed after retries, was refused over the size cap or lost to
    redirects, and no article was written partial (newscrawl/losses.py, the same reading a
    plain ``scrapy crawl`` exits 1 on). A redirect loop or a capped story logs only a WARNING,
    so the error count alone would call such a run healthy."""

    def test_nothing_lost(self) -> None:
        from newscrawl.losses import loss_summary

        lost = loss_summary(self.data.stats)
        self.assertIsNone(lost, msg=lost)  # noqa: PT009


@monitors.name("Error count")
class RunErrorCountMonitor(ErrorCountMonitor):
    """log_count/ERROR ≤ NEWSCRAWL_MAX_ERRORS."""


@monitors.name("Finish reason")
class RunFinishReasonMonitor(FinishReasonMonitor):
    """The crawl ended with finish_reason "finished"."""


class RecordMonitorResults(Action):
    """Write each monitor's outcome into the crawl stats for the report."""

    def run_action(self) -> None:
        stats = self.data.crawler.stats
        failed = 0
        for result in self.result.monitor_results:
            monitor = result.item
            key = f"{MONITOR_STAT_PREFIX}{monitor.monitor_name}"
            if result.status in ("FAIL", "ERROR"):
                failed += 1
                message = (result.reason or _last_line(result.error) or "").strip()
                stats.set_value(key, f"{result.status}: {_one_line(message)}")
            elif result.status == "SKIPPED":
                stats.set_value(key, f"SKIPPED: {_one_line(result.reason or '')}")
            else:
                stats.set_value(key, result.status)
        stats.set_value("newscrawl/monitors/failed", failed)
        # Spidermon logs each failure at ERROR after this; the report counts the crawl's own.
        stats.set_value(
            "newscrawl/monitors/errors_logged", self.data.stats.get("log_count/ERROR", 0)
        )


def _one_line(text: str) -> str:
    return "; ".join(part.strip() for part in text.strip().splitlines() if part.strip())


def _last_line(text: str | None) -> str | None:
    if not text:
        return None
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else None


class NightlyMonitorSuite(MonitorSuite):
    """What makes a run healthy; any failure makes ``newscrawl nightly`` exit 1."""

    monitors = [  # noqa: RUF012
        ArticleCountMonitor,
        SiteFieldCoverageMonitor,
        DateMarkupMonitor,
        RunErrorCountMonitor,
        RunFinishReasonMonitor,
        StateCommitMonitor,
        LostPagesMonitor,
    ]
    monitors_finished_actions = [RecordMonitorResults]  # noqa: RUF012


class CoverageExtension:
    """Count field coverage per site over every extracted article; total the accounted ones.

    For each emitted item, and each item dropped for one of ``NEWSCRAWL_COVERAGE_DROPS``
    (default: missing date, not an article, unchanged), increments Spidermon-style counters
    ``spidermon_item_scraped_count/site_<key>[/<field>]`` for the monitored fields; Spidermon's
    own close handler turns them into ``spidermon_field_coverage/site_<key>/<field>``. Dropped
    items are also counted under Spidermon's ``ArticleItem`` stat keys, so the network-wide
    ``spidermon_field_coverage/ArticleItem/*`` has the same denominator.
    """

    def __init__(self, crawler: Crawler, drop_classes: tuple[type[BaseException], ...]) -> None:
        self.crawler = crawler
        self.drop_classes = drop_classes
        self.fields = tuple(COVERAGE_SETTINGS)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not (
            settings.getbool("SPIDERMON_ENABLED")
            and settings.getbool("SPIDERMON_ADD_FIELD_COVERAGE")
        ):
            raise NotConfigured  # bare: off is this extension's normal state, not a warning
        paths = settings.getlist("NEWSCRAWL_COVERAGE_DROPS", list(DEFAULT_COVERAGE_DROPS))
        extension = cls(crawler, tuple(load_object(p) for p in paths))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        # Present from the start, so a run that extracts nothing (or logs no error) reads 0
        # rather than "missing", which the monitors would report as a failure or a skip.
        stats = self.crawler.stats
        stats.set_value(EXTRACTED_STAT, stats.get_value(EXTRACTED_STAT, 0))
        stats.set_value("log_count/ERROR", stats.get_value("log_count/ERROR", 0))

    def count(self, item: Any) -> None:
        adapter = ItemAdapter(item)
        prefix = f"{EXTRACTED_STAT}/{site_type(str(adapter.get('site') or 'unknown'))}"
        stats = self.crawler.stats
        stats.inc_value(prefix)
        for field in self.fields:
            if adapter.get(field):  # Spidermon's default: None and empty values are missing
                stats.inc_value(f"{prefix}/{field}")

    def item_scraped(self, item: Any) -> None:
        self.count(item)

    def item_dropped(self, item: Any, response: Any, exception: BaseException) -> None:
        if not isinstance(exception, self.drop_classes):
            return
        self.count(item)
        # The network-wide denominator too: the same stat keys Spidermon's own item_scraped
        # counter writes (its documented field-coverage stats), filled here for the drops
        # Spidermon never sees. Spidermon turns every such counter into a coverage at close.
        stats = self.crawler.stats
        stats.inc_value(EXTRACTED_STAT)
        prefix = f"{EXTRACTED_STAT}/{type(item).__name__}"
        stats.inc_value(prefix)
        for name, value in ItemAdapter(item).items():
            if value and value not in SPIDERMON_SKIPPED_VALUES:
                stats.inc_value(f"{prefix}/{name}")

    def spider_closed(self) -> None:
        # Connected before Spidermon's extension (lower EXTENSIONS order), so this total is in
        # place when Spidermon computes coverage at close (the monitors run later still).
        stats = self.crawler.stats
        accounted = sum(
            int(stats.get_value(key, 0) or 0)
            for key in (
                "item_scraped_count",
                "newscrawl/state/unchanged",
                "newscrawl/state/skipped_seen",
            )
        )
        stats.set_value(ACCOUNTED_STAT, accounted)


def load_suite_results(stats: dict[str, Any]) -> list[dict[str, str]]:
    """The monitor outcomes ``RecordMonitorResults`` left in ``stats``, for the report."""
    results = []
    for key, value in sorted(stats.items()):
        if not key.startswith(MONITOR_STAT_PREFIX):
            continue
        status, _, message = str(value).partition(": ")
        results.append(
            {"monitor": key[len(MONITOR_STAT_PREFIX) :], "status": status, "message": message}
        )
    return results
