"""Time newscrawl's extraction against lxml's bare parse and trafilatura, page by page.

Run: ``.venv/bin/python bench/bench_extract.py [--repeat N] [--gold DIR] [--dates]``.

Every gold page 1 (``tests/gold/*/inputs/page1.html``: the real 2020 solo page, the 2018
fragments in each era's chrome, the hand-made and replica pages, ~20–110 KB each with menus and
scripts) is timed in one process with ``time.perf_counter_ns``, the three contenders
interleaved in each round so that machine noise hits them alike:

* ``lxml``: ``lxml.html.fromstring(html)``, the bare parse every extractor pays first;
* ``newscrawl``: the full item as a crawl makes it: :func:`newscrawl.story.build_story`
  (parse, every field) then the item pipelines of the settings (body clean-up, date
  normalisation…), all but the per-run dedupe, which would drop the timing loop's repeats;
* ``trafilatura``: ``trafilatura.bare_extraction(html, url=…, with_metadata=True)``.

A page's cost is the median over rounds. The table lists the pages; the summary gives the
median over pages of newscrawl/lxml (target ≤ 2.0) and trafilatura/newscrawl (target ≥ 10),
plus the ratio of the totals. ``--dates`` also runs ``bench/bench_dates.py`` (date strings:
fast path vs dateparser) in the same process. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.html

from newscrawl.pipelines import DedupePipeline
from newscrawl.story import build_story
from tests.goldset import GOLD_DIR, item_pipelines, load_cases, run_pipelines

RATIO_LXML_TARGET = 2.0
RATIO_TRAFILATURA_TARGET = 10.0


def _trafilatura() -> Callable[[str, str], object] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: str, url: str) -> object:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False
        )

    return run


def time_pages(
    pages: list[tuple[str, str, str, object]], repeat: int, with_trafilatura: bool
) -> list[dict[str, float | str | int]]:
    """Median ns per call of each contender, per page; rounds interleave the contenders."""
    traf = _trafilatura() if with_trafilatura else None
    chain = [p for p in item_pipelines() if not isinstance(p, DedupePipeline)]
    rows = []
    for name, html, url, fetched in pages:
        contenders: dict[str, Callable[[], object]] = {
            "lxml": lambda html=html: lxml.html.fromstring(html),
            "newscrawl": lambda html=html, url=url, fetched=fetched: run_pipelines(
                build_story([(html, url)], fetched), chain
            ),
        }
        if traf is not None:
            contenders["trafilatura"] = lambda html=html, url=url: traf(html, url)
        for fn in contenders.values():  # warm caches (regexes, dateparser-free fast path)
            fn()
        samples: dict[str, list[int]] = {k: [] for k in contenders}
        for r in range(repeat):
            for key, fn in contenders.items():
                if key == "trafilatura" and r % 4:  # 20–40x slower: a quarter of the rounds
                    continue
                start = time.perf_counter_ns()
                fn()
                samples[key].append(time.perf_counter_ns() - start)
        row: dict[str, float | str | int] = {"page": name, "kb": len(html.encode()) // 1024}
        for key, xs in samples.items():
            row[key] = statistics.median(xs)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(GOLD_DIR))
    parser.add_argument("--repeat", type=int, default=40, help="rounds per page (default 40)")
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--dates", action="store_true", help="also run bench/bench_dates.py")
    parser.add_argument("--quiet", action="store_true", help="summary only")
    args = parser.parse_args(argv)

    pages = []
    for case in load_cases(args.gold):
        html, url = case.pages[0]
        pages.append((case.name, html, url, case.fetched_at))
    rows = time_pages(pages, args.repeat, not args.no_trafilatura)
    has_traf = "trafilatura" in rows[0]

    if not args.quiet:
        head = f"{'page':<38} {'KB':>4} {'lxml µs':>9} {'newscrawl µs':>13} {'×lxml':>6}"
        if has_traf:
            head += f" {'trafilatura µs':>15} {'traf/nc':>8}"
        print(head)
        for row in rows:
            ratio = float(row["newscrawl"]) / float(row["lxml"])
            line = (
                f"{str(row['page'])[:38]:<38} {row['kb']:>4} {float(row['lxml']) / 1000:>9.0f} "
                f"{float(row['newscrawl']) / 1000:>13.0f} {ratio:>6.2f}"
            )
            if has_traf:
                tr = float(row["trafilatura"]) / float(row["newscrawl"])
                line += f" {float(row['trafilatura']) / 1000:>15.0f} {tr:>8.1f}"
            print(line)

    per_page = [float(r["newscrawl"]) / float(r["lxml"]) for r in rows]
    totals = {
        k: sum(float(r[k]) for r in rows)
        for k in ("lxml", "newscrawl", "trafilatura")
        if k in rows[0]
    }
    nc_lxml = statistics.median(per_page)
    full_pages = [float(r["newscrawl"]) / float(r["lxml"]) for r in rows if int(r["kb"]) >= 50]
    summary = (
        f"extract {len(rows)} pages: newscrawl/lxml median {nc_lxml:.2f}x "
        f"(max {max(per_page):.2f}x, pages ≥50 KB median {statistics.median(full_pages):.2f}x, "
        f"totals {totals['newscrawl'] / totals['lxml']:.2f}x; target ≤ {RATIO_LXML_TARGET:.1f})"
    )
    ok = nc_lxml <= RATIO_LXML_TARGET
    if has_traf:
        per_traf = [float(r["trafilatura"]) / float(r["newscrawl"]) for r in rows]
        tr = statistics.median(per_traf)
        summary += (
            f"; trafilatura/newscrawl median {tr:.1f}x (min {min(per_traf):.1f}x, totals "
            f"{totals['trafilatura'] / totals['newscrawl']:.1f}x; target ≥ {RATIO_TRAFILATURA_TARGET:.0f})"
        )
        ok = ok and tr >= RATIO_TRAFILATURA_TARGET
    summary += (
        f"; median page: lxml {statistics.median(float(r['lxml']) for r in rows) / 1000:.0f} µs, "
        f"newscrawl {statistics.median(float(r['newscrawl']) for r in rows) / 1000:.0f} µs"
    )
    print(summary)
    status = 0 if ok else 1
    if args.dates:
        import bench_dates

        print()
        status |= bench_dates.main()
    return status


if __name__ == "__main__":
    sys.exit(main())
