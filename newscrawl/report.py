"""The run report of ``newscrawl nightly``: a JSON file for tools and one line for people.

Built from the crawl's final stats (after the monitors, run at engine stop, wrote their outcomes there, see
``newscrawl.monitors``) and the run's output files. Keys of the JSON file:

- ``status`` (``healthy``/``unhealthy``), ``exit_code``, ``failures`` (one sentence each)
- ``run``: ``run_id``, ``started_at``, ``finished_at``, ``duration_seconds``, ``finish_reason``
- ``sites`` and ``window`` (the local dates crawled per site)
- ``counts``: ``emitted``, ``new``, ``updated``, ``unchanged``, ``skipped_seen``, ``rechecked``,
  ``partial``, ``too_large`` (pages refused over ``DOWNLOAD_MAXSIZE``), ``pages_fetched``,
  ``listing_pages``, ``errors``, ``warnings``
- ``per_site``: items written per site; ``dropped``: drops by reason (``DropItem`` subclass)
- ``coverage``: share of extracted articles having each monitored field, network-wide, with
  ``coverage_over`` (how many articles that share is of), ``coverage_by_site`` (the same per
  site, which is what the monitor checks) and ``thresholds``
- ``monitors``: each Spidermon monitor's ``status`` (``OK``/``FAIL``/``ERROR``/``SKIPPED``) and
  ``message``
- ``state``: ``committed`` (rows recorded, ``None`` if the commit did not happen), ``failed``
  (why not), ``recovered``/``reimported`` (rows taken back from output files at the start)
- ``outputs``, ``log_file``, ``state_path``
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from newscrawl.feeds import open_feed_file
from newscrawl.losses import stat_int
from newscrawl.monitors import (
    COVERAGE_SETTINGS,
    EXTRACTED_STAT,
    ITEM_TYPE,
    load_suite_results,
    site_type,
    sites_extracted,
)
from newscrawl.sizecap import TOO_LARGE_STAT

DROP_PREFIX = "item_dropped_reasons_count/"


@dataclass(slots=True)
class RunInfo:
    """What the CLI knows about a run besides the stats."""

    run_id: str
    started_at: datetime
    finished_at: datetime
    sites: Sequence[str]
    window: Mapping[str, tuple[str, str]]
    outputs: Sequence[Path] = field(default_factory=list)
    log_file: Path | None = None
    state_path: Path | None = None
    thresholds: Mapping[str, float] = field(default_factory=dict)


def count_lines_per_site(outputs: Sequence[Path]) -> dict[str, int]:
    """Items per site in the finished output files (each line is one item)."""
    per_site: dict[str, int] = {}
    for path in outputs:
        if not path.is_file():
            continue
        with open_feed_file(path) as fh:
            for line in fh:
                try:
                    site = json.loads(line).get("site") or "?"
                except ValueError:
                    continue
                per_site[site] = per_site.get(site, 0) + 1
    return dict(sorted(per_site.items()))


def build_report(stats: Mapping[str, Any], info: RunInfo) -> dict[str, Any]:
    """The report dict; ``status``/``exit_code`` follow the monitors (any failure → 1)."""
    monitors = load_suite_results(dict(stats))
    failures = [
        f"{m['monitor']}: {m['message']}" for m in monitors if m["status"] in ("FAIL", "ERROR")
    ]
    if stats.get("newscrawl/crash"):
        failures.append(f"the crawl crashed: {stats['newscrawl/crash']}")
    if not monitors:
        failures.append("monitors did not run (is Spidermon enabled?)")
    too_large = stat_int(stats, TOO_LARGE_STAT)
    if too_large:  # a refused page is a lost page, even when nothing logged an ERROR
        failures.append(f"{too_large} page(s) refused over DOWNLOAD_MAXSIZE ({TOO_LARGE_STAT})")
    coverage = {
        name: round(float(stats.get(f"spidermon_field_coverage/{ITEM_TYPE}/{name}", 0.0)), 4)
        for name in COVERAGE_SETTINGS
    }
    errors = stats.get("newscrawl/monitors/errors_logged", stats.get("log_count/ERROR", 0))
    duration = (info.finished_at - info.started_at).total_seconds()
    exit_code = 1 if failures else 0
    return {
        "status": "unhealthy" if failures else "healthy",
        "exit_code": exit_code,
        "failures": failures,
        "run": {
            "run_id": info.run_id,
            "started_at": info.started_at.isoformat(timespec="seconds"),
            "finished_at": info.finished_at.isoformat(timespec="seconds"),
            "duration_seconds": round(duration, 1),
            "finish_reason": stats.get("finish_reason"),
        },
        "sites": list(info.sites),
        "window": {site: {"since": s, "until": u} for site, (s, u) in info.window.items()},
        "counts": {
            "emitted": stat_int(stats, "item_scraped_count"),
            "new": stat_int(stats, "newscrawl/state/new"),
            "updated": stat_int(stats, "newscrawl/state/updated"),
            "unchanged": stat_int(stats, "newscrawl/state/unchanged"),
            "skipped_seen": stat_int(stats, "newscrawl/state/skipped_seen"),
            "rechecked": stat_int(stats, "newscrawl/state/rechecked"),
            "partial": stat_int(stats, "newscrawl/articles/partial"),
            "too_large": too_large,
            "pages_fetched": stat_int(stats, "response_received_count"),
            "listing_pages": stat_int(stats, "newscrawl/discovery/listing_pages"),
            "errors": int(errors or 0),
            "warnings": stat_int(stats, "log_count/WARNING"),
        },
        "per_site": count_lines_per_site(info.outputs),
        "dropped": {
            key[len(DROP_PREFIX) :]: int(value)
            for key, value in sorted(stats.items())
            if key.startswith(DROP_PREFIX)
        },
        "coverage": coverage,
        "coverage_over": stat_int(stats, EXTRACTED_STAT),
        "coverage_by_site": {
            site: {
                "articles": count,
                **{
                    name: round(
                        float(stats.get(f"spidermon_field_coverage/{site_type(site)}/{name}", 0.0)),
                        4,
                    )
                    for name in COVERAGE_SETTINGS
                },
            }
            for site, count in sites_extracted(stats).items()
        },
        "state": {
            "committed": stats.get("newscrawl/state/committed"),
            "failed": stats.get("newscrawl/state/failed"),
            "recovered": stat_int(stats, "newscrawl/state/recovered"),
            "reimported": stat_int(stats, "newscrawl/state/reimported"),
        },
        "thresholds": dict(info.thresholds),
        "monitors": monitors,
        "outputs": [str(p) for p in info.outputs if p.is_file()],
        "log_file": str(info.log_file) if info.log_file else None,
        "state_path": str(info.state_path) if info.state_path else None,
    }


def summary_line(report: Mapping[str, Any]) -> str:
    """One human line: sites, new, updated, skipped, partial, dropped, errors, time, coverage."""
    counts = report["counts"]
    dropped = ", ".join(f"{k} {v}" for k, v in report["dropped"].items()) or "none"
    if report["coverage_over"]:
        coverage = " ".join(f"{k} {v:.0%}" for k, v in report["coverage"].items())
        coverage += f" (of {report['coverage_over']})"
    else:
        coverage = "n/a (no article extracted)"
    duration = timedelta(seconds=int(report["run"]["duration_seconds"]))
    line = (
        f"newscrawl nightly {report['status'].upper()}: "
        f"sites {','.join(report['sites'])} | new {counts['new']} | updated {counts['updated']}"
        f" | skipped as seen {counts['skipped_seen']} | partial {counts['partial']}"
        f" | dropped {dropped} | errors {counts['errors']} | {duration}"
        f" | coverage {coverage}"
    )
    if report["failures"]:
        line += " | FAILED " + "; ".join(report["failures"])
    return line


def write_report(report: Mapping[str, Any], path: Path) -> None:
    """Write the report atomically (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
