"""Time the page object on hostile pages: a huge JSON-LD ``@graph``, deep JSON, deep HTML.

Run: ``.venv/bin/python bench/bench_hostile.py [--repeat N]``.

Each case is a 2025-era article page with one hostile part added; the page object builds
every field and the body (``TribunArticlePage``). Printed: the page size, the median time per
page, and the ratio to the same page without the hostile part. The target is the crawl's:
no page blocks the reactor for long (under 1 s; before issue 7.2, a 2.4 MB ``@graph`` took
33 s because the traversal was quadratic). Exit status 1 when a case takes a second or more.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newscrawl.pages.article import TribunArticlePage

URL = "https://www.tribunnews.com/nasional/2025/10/06/banjir-di-bekasi"
LIMIT_S = 1.0
FIELDS = ("title", "lead", "authors", "editor", "tags", "section", "published_raw",
          "image_url", "url_canonical", "page_count", "body_paragraphs")  # fmt: skip


def page(head: str = "", body_extra: str = "") -> str:
    paragraphs = "".join(f"<p>Paragraf {i} tentang banjir di Bekasi.</p>" for i in range(30))
    return (
        f"<html><head><title>Banjir - Tribunnews.com</title>{head}</head><body>"
        '<div id="article"><h1 id="arttitle">Banjir</h1><div id="article_con">'
        f'<div class="side-article txt-article">{paragraphs}{body_extra}</div></div></div>'
        "</body></html>"
    )


def _script(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def cases() -> dict[str, str]:
    graph = [{"@id": f"#n{i}"} for i in range(120_000)]
    article = {"@type": "NewsArticle", "headline": "Banjir", "author": [{"@id": "#n1"}] * 5000}
    return {
        "plain page": page(),
        "2.4 MB @graph (120k nodes)": page(_script(json.dumps({"@graph": [article, *graph]}))),
        "JSON-LD nested 100k deep": page(_script("[" * 100_000 + "]" * 100_000)),
        "@graph nested 2,000 deep": page(_script('{"@graph":[' * 2000 + "{}" + "]}" * 2000)),
        "HTML nested 2,000 deep": page(body_extra="<div>" * 2000 + "<p>x</p>" + "</div>" * 2000),
        "HTML nested 5,000 deep": page(body_extra="<span>" * 5000 + "x" + "</span>" * 5000),
    }


def extract(html: str) -> None:
    p = TribunArticlePage(html, URL)
    for name in FIELDS:
        getattr(p, name)()


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    base = None
    worst = 0.0
    print(f"{'case':<30} {'KB':>7} {'ms/page':>9} {'x plain':>8}")
    for name, html in cases().items():
        seconds = median_seconds(lambda html=html: extract(html), args.repeat)
        base = base or seconds
        worst = max(worst, seconds)
        kb = len(html.encode("utf-8", "replace")) // 1024
        print(f"{name:<30} {kb:>7} {seconds * 1000:>9.1f} {seconds / base:>8.1f}")
    print(f"hostile pages: slowest {worst * 1000:.0f} ms per page (limit {LIMIT_S * 1000:.0f} ms)")
    return 0 if worst < LIMIT_S else 1


if __name__ == "__main__":
    sys.exit(main())
