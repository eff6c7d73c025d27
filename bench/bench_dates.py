"""Time the date fast path against dateparser on realistic Tribun date strings.

Run: ``.venv/bin/python bench/bench_dates.py``. Each string is timed in batches with
``time.perf_counter_ns``; a batch's time divided by its loop count is one sample, and the
median sample is the string's cost. The summary takes the median over strings and checks the
targets (fast median ≤ 20 µs, ≥ 70x faster than dateparser); the exit status is 1 on a miss.
Both paths use the same fixed fetch time, so dateparser's cached parser is reused and the
numbers are parse cost only.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

# Run as a plain script from any directory: make the project importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newscrawl.dates import parse_date_dateparser, parse_date_fast, to_iso
from newscrawl.sites import WIB, WIT, WITA

NOW = datetime(2025, 10, 6, 20, 0, 0, tzinfo=WIB)
FAST_TARGET_US = 20.0
RATIO_TARGET = 70.0

# (string, site zone): the shapes a crawl meets, roughly in order of frequency.
STRINGS = [
    ("Senin, 6 Oktober 2025 19:26 WIB", WIB),
    ("Tayang: Senin, 3 November 2025 19:26 WIB", WIB),
    ("Jumat, 24 Juli 2026 17:25 WIB", WIB),
    ("Jumat, 9 Oktober 2020 13:52", WIB),
    ("Jum'at, 9 Okt 2020 13.52 WIB", WIB),
    ("Minggu, 5 Oktober 2025 10:00 WITA", WITA),
    ("Sabtu, 17 Agustus 2024 10:00 WIT", WIT),
    ("Rabu, 1 Mei 2024 08:15 WIB", WITA),
    ("Senin, 14 November 2016 18:50", WIB),
    ("2020-10-09T13:52:50+07:00", WIB),
    ("2026-07-24T12:40+07:00", WIB),
    ("2024-01-23T18:33:26+08:00", WITA),
    ("2025-10-06T10:00:00Z", WIT),
    ("2024-01-23 17:01:36", WIB),
    ("Minggu (13/10/2024)", WIB),
    ("32 menit lalu ", WIB),
    ("2 jam lalu", WITA),
    ("3 hari lalu", WIB),
    ("kemarin", WIB),
    ("Senin, 6 Oktober 2025 | 19:26 WIB", WIB),
]

Parser = Callable[..., datetime | None]


def time_per_call_us(fn: Parser, raw: str, tz: object, *, loops: int, repeats: int) -> float:
    """Median over ``repeats`` batches of the per-call time, in microseconds."""
    fn(raw, tz, now=NOW)  # warm caches (regex, dateparser locale and parser)
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        for _ in range(loops):
            fn(raw, tz, now=NOW)
        samples.append((time.perf_counter_ns() - start) / loops / 1000)
    return statistics.median(samples)


def main() -> int:
    rows = []
    for raw, tz in STRINGS:
        fast_us = time_per_call_us(parse_date_fast, raw, tz, loops=500, repeats=31)
        slow_us = time_per_call_us(parse_date_dateparser, raw, tz, loops=5, repeats=11)
        fast = parse_date_fast(raw, tz, now=NOW)
        slow = parse_date_dateparser(raw, tz, now=NOW)
        if slow is None:
            agree = "dp: None"
        else:
            agree = "same" if fast is not None and to_iso(fast) == to_iso(slow) else "DIFFERS"
        rows.append((raw, fast_us, slow_us, fast, agree))

    width = max(len(repr(raw)) for raw, *_ in rows)
    print(f"{'string':<{width}}  {'fast µs':>8}  {'dp µs':>8}  {'ratio':>6}  result")
    for raw, fast_us, slow_us, fast, agree in rows:
        result = to_iso(fast) if fast else "None"
        print(
            f"{raw!r:<{width}}  {fast_us:8.2f}  {slow_us:8.0f}  {slow_us / fast_us:5.0f}x"
            f"  {result} ({agree})"
        )

    fast_median = statistics.median(r[1] for r in rows)
    slow_median = statistics.median(r[2] for r in rows)
    ratio = slow_median / fast_median
    print(
        f"dates: fast median {fast_median:.1f} µs, dateparser median {slow_median:.0f} µs, "
        f"ratio {ratio:.0f}x"
    )
    ok = fast_median <= FAST_TARGET_US and ratio >= RATIO_TARGET
    verdict = "met" if ok else "MISSED"
    print(f"targets (fast ≤ {FAST_TARGET_US:g} µs, ratio ≥ {RATIO_TARGET:g}x): {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
