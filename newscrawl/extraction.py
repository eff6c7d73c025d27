"""From page objects to items, and the normalisation steps the pipelines apply.

The spider builds raw items with :func:`article_from_pages`; the pipelines finish them with
:func:`normalise_body` and :func:`normalise_dates`. :func:`extract_article` chains all of it for
one saved page, so fixtures, the gold set and the evaluation run exactly the crawl's code.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from newscrawl import urls
from newscrawl.boilerplate import clean_paragraphs, join_body, split_body
from newscrawl.dates import parse_date, to_iso
from newscrawl.items import ArticleItem
from newscrawl.pages.article import TribunArticlePage
from newscrawl.sites import SITES


def utc_iso(moment: datetime) -> str:
    """UTC ISO 8601 with seconds, e.g. ``2025-10-06T03:00:00+00:00``."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def merge_page_paragraphs(first: TribunArticlePage, later: list[str]) -> list[str]:
    """Paragraphs of a page 2+ without what repeats page 1's head (title, lead, byline)."""
    repeated = {t.casefold() for t in (first.title(), first.lead()) if t}
    out = list(later)
    while out and (
        out[0].casefold() in repeated or out[0].lower().startswith(("penulis", "editor"))
    ):
        out.pop(0)
    return out


def article_from_pages(
    first: TribunArticlePage,
    paragraphs: list[str],
    *,
    crawled_at: datetime,
    page_count: int,
    pages_fetched: int,
    is_partial: bool,
) -> ArticleItem:
    """A raw item: fields as read from page 1, body from all pages; dates not yet normalised."""
    return ArticleItem(
        url=first.url_canonical(),
        site=first.site.key,
        site_name=first.site_name(),
        article_id=first.article_id(),
        section=first.section(),
        topic=first.topic(),
        title=first.title(),
        lead=first.lead(),
        body=join_body(paragraphs),
        authors=first.authors(),
        editor=first.editor(),
        tags=first.tags(),
        published_raw=first.published_raw(),
        modified_at=first.modified_raw(),
        image_url=first.image_url(),
        image_caption=first.image_caption(),
        page_count=page_count,
        pages_fetched=pages_fetched,
        is_partial=is_partial,
        crawled_at=utc_iso(crawled_at),
    )


def normalise_body(item: ArticleItem) -> None:
    """Strip text-level boilerplate, move the reporter line out, count words."""
    paragraphs, reporter = clean_paragraphs(split_body(item.body))
    item.body = join_body(paragraphs)
    if reporter and not item.reporter:
        item.reporter = reporter
    item.word_count = len(item.body.split()) if item.body else 0


def normalise_dates(item: ArticleItem) -> bool:
    """Turn ``published_raw``/``modified_at`` into ISO 8601 in the site's zone.

    Relative dates ("2 jam lalu") count from ``crawled_at``. Returns False when a
    publication date string was present but could not be read.
    """
    site = SITES.get(item.site) or SITES["www"]
    now = datetime.fromisoformat(item.crawled_at) if item.crawled_at else datetime.now(UTC)
    published = parse_date(item.published_raw, site.tz, now=now) if item.published_raw else None
    item.published_at = to_iso(published) if published else None
    if item.modified_at:
        modified = parse_date(item.modified_at, site.tz, now=now)
        item.modified_at = to_iso(modified) if modified else None
    return published is not None or not item.published_raw


def extract_story(pages: Sequence[tuple[str, str]], fetched_at: datetime) -> ArticleItem:
    """Saved pages of one story (page 1 first, as (html, url)) → the finished, merged item."""
    first = TribunArticlePage(*pages[0])
    paragraphs = first.body_paragraphs()
    page_count = first.page_count()
    for html, url in pages[1:]:
        later = TribunArticlePage(html, url)
        page_count = max(page_count, later.page_count())
        paragraphs += merge_page_paragraphs(first, later.body_paragraphs())
    # A ``?page=all`` page holds every page of the story (§3): nothing is missing.
    whole = len(pages) == 1 and urls.page_number(pages[0][1]) == 0
    fetched = page_count if whole else len(pages)
    item = article_from_pages(
        first,
        paragraphs,
        crawled_at=fetched_at,
        page_count=page_count,
        pages_fetched=fetched,
        is_partial=fetched < page_count,
    )
    normalise_body(item)
    normalise_dates(item)
    return item


def extract_article(html: str, url: str, fetched_at: datetime) -> ArticleItem:
    """One saved page → the finished item (``is_partial`` when the story has more pages)."""
    return extract_story([(html, url)], fetched_at)
