"""What a crawl lost, read from its stats in one place, for exit codes and health.

A page is *lost* when the site had it but the run could not read it: an article, a page 2+ of a
story or a listing page that still failed after retries (5xx, timeout, connection reset or
truncated body), a page refused over ``DOWNLOAD_MAXSIZE``, a redirect loop or too many
redirects, an article page the extractor crashed on. An article written with ``is_partial``
(a page of its story failed, or the 50-page cap cut it) is incomplete output.

Not lost: an article the site answers 404/410 for (*gone*: the site removed it; counted in
``newscrawl/articles/gone``), a page ``robots.txt`` disallows (the operator's policy), an
article skipped as already exported.

The errbacks in the spider count failures no middleware counted (``newscrawl/lost/<kind>``);
size refusals and redirects are counted by their middlewares (newscrawl/sizecap.py,
newscrawl/redirects.py) and read from there, so no page is counted twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LOST_PREFIX = "newscrawl/lost/"
ARTICLE_FAILED_STAT = LOST_PREFIX + "article_failed"
"""Page 1 of an article that still failed after retries (any status but 404/410, or an error)."""
PAGE_FAILED_STAT = LOST_PREFIX + "page_failed"
"""A page 2+ of a story that failed after retries (the story is written partial)."""
LISTING_FAILED_STAT = LOST_PREFIX + "listing_failed"
"""A listing/index page that failed after retries (the articles only it listed are unseen)."""
GONE_STAT = "newscrawl/articles/gone"
"""Articles the site answers 404/410 for: removed by the site, not lost by the crawl."""
PARTIAL_STAT = "newscrawl/articles/partial"

# (stat, singular description, plural description), in the order the summary names them.
LOST_KINDS: tuple[tuple[str, str, str], ...] = (
    (ARTICLE_FAILED_STAT, "article failed after retries", "articles failed after retries"),
    (PAGE_FAILED_STAT, "story page 2+ failed after retries", "story pages 2+ failed after retries"),
    (
        LISTING_FAILED_STAT,
        "listing page failed after retries",
        "listing pages failed after retries",
    ),
    ("newscrawl/download/too_large", "page over the size cap", "pages over the size cap"),
    ("newscrawl/redirects/loops", "redirect loop", "redirect loops"),
    (
        "newscrawl/redirects/too_many",
        "page with too many redirects",
        "pages with too many redirects",
    ),
    ("newscrawl/extract/errors", "page the extractor failed on", "pages the extractor failed on"),
)


def stat_int(stats: Mapping[str, Any], key: str) -> int:
    """A counter from the stats as an int; 0 when absent or not a number."""
    try:
        return int(stats.get(key) or 0)
    except (TypeError, ValueError):
        return 0


def lost_pages(stats: Mapping[str, Any]) -> dict[str, int]:
    """Pages lost, by stat key (only kinds that happened)."""
    found = {key: stat_int(stats, key) for key, _, _ in LOST_KINDS}
    return {key: n for key, n in found.items() if n}


def loss_summary(stats: Mapping[str, Any]) -> str | None:
    """One line naming what the crawl lost, with counts, or None if it lost nothing.

    E.g. ``3 page(s) lost: 1 article failed after retries, 2 redirect loops; 1 article written
    partial``.
    """
    lost = lost_pages(stats)
    partial = stat_int(stats, PARTIAL_STAT)
    parts = []
    if lost:
        kinds = [
            f"{lost[key]} {one if lost[key] == 1 else many}"
            for key, one, many in LOST_KINDS
            if key in lost
        ]
        parts.append(f"{sum(lost.values())} page(s) lost: " + ", ".join(kinds))
    if partial:
        parts.append(f"{partial} article{'' if partial == 1 else 's'} written partial")
    return "; ".join(parts) if parts else None
