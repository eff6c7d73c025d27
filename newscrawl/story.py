"""The one story merge: a story in progress as plain data, and its pages → one ``ArticleItem``.

The spider, the gold tests and the evaluation all build items here, and only here; what
happens to an item afterwards (boilerplate, dates, window, validation) is the pipelines' job,
in the order of the ``ITEM_PIPELINES`` setting.

A :class:`StoryDraft` holds only ``str``/``int``/``bool``/``list``/``dict`` (see
:meth:`StoryDraft.as_dict`), so a request carrying a half-fetched story can be pickled by
Scrapy's disk queues (``-s JOBDIR=…``) or held by a shared queue and picked up by any worker.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from newscrawl import urls
from newscrawl.boilerplate import is_photo_line, join_body
from newscrawl.items import ArticleItem
from newscrawl.pages.article import TribunArticlePage

# Pages of one story fetched at most. A pager claiming more (a broken or hostile page) is cut
# here, and the item says so: ``page_count`` keeps the claim, ``is_partial`` is true.
MAX_STORY_PAGES = 50
# Lines a page 2+ repeats from page 1's head before its own text (besides title and lead).
_REPEATED_CREDIT_PREFIXES = ("penulis", "editor", "zoom-in")


def utc_iso(moment: datetime) -> str:
    """UTC ISO 8601 with seconds, e.g. ``2025-10-06T03:00:00+00:00``."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def page_fields(page: TribunArticlePage) -> dict[str, Any]:
    """The ``ArticleItem`` fields page 1 of a story gives, as plain data, read as found.

    The body is not among them (it comes from every page); dates stay raw strings until the
    dates pipeline reads them.
    """
    return {
        "url": page.url_canonical(),
        "site": page.site.key,
        "site_name": page.site_name(),
        "article_id": page.article_id(),
        "section": page.section(),
        "topic": page.topic(),
        "title": page.title(),
        "lead": page.lead(),
        "authors": page.authors(),
        "editor": page.editor(),
        "tags": page.tags(),
        "syndicated_from": page.syndicated_from(),
        "published_raw": page.published_raw(),
        "modified_at": page.modified_raw(),
        "image_url": page.image_url(),
        "image_caption": page.image_caption(),
    }


def later_page_paragraphs(first: dict[str, Any], later: list[str]) -> list[str]:
    """Paragraphs of a page 2+ without the head it repeats from page 1: section label, title,
    lead, byline, photo credit and caption (docs/variants.md 5), so that the merged body holds
    each paragraph once. Only the leading run goes; the page's own text starts after it."""
    keys = ("title", "lead", "topic", "section", "image_caption")
    repeated = {" ".join(t.split()).casefold() for t in map(first.get, keys) if t}
    start = 0
    while start < len(later) and (
        " ".join(later[start].split()).casefold() in repeated
        or later[start].lower().startswith(_REPEATED_CREDIT_PREFIXES)
        or is_photo_line(later[start])
    ):
        start += 1
    return later[start:]


@dataclass(kw_only=True)
class StoryDraft:
    """A story being assembled page by page; every attribute is plain data."""

    fields: dict[str, Any]
    """Page 1's fields (:func:`page_fields`)."""
    crawled_at: str
    """When page 1 was fetched, UTC ISO 8601."""
    page_count: int
    """Pages the story's pager claims (the highest seen on any of its pages)."""
    paragraphs: list[str] = field(default_factory=list)
    """Body paragraphs of the pages merged so far, in page order."""
    last_page: int = 1
    """The highest page number handled so far, fetched or failed."""
    pages_fetched: int = 1
    """Pages whose paragraphs are in ``paragraphs``."""
    failed: list[int] = field(default_factory=list)
    """Page numbers that could not be fetched or read."""
    cut_pages: list[int] = field(default_factory=list)
    """Page numbers nested deeper than the parser's bound: text after that depth is lost."""

    @classmethod
    def start(cls, page: TribunArticlePage, crawled_at: datetime) -> StoryDraft:
        """A story from its first page.

        A ``?page=all`` page holds the whole story (docs/site-structure.md §3).
        """
        count = max(page.page_count(), 1)
        whole = urls.page_number(page.url) == 0
        return cls(
            fields=page_fields(page),
            crawled_at=utc_iso(crawled_at),
            page_count=count,
            paragraphs=page.body_paragraphs(),
            last_page=count if whole else 1,
            pages_fetched=count if whole else 1,
            cut_pages=[1] if page.truncated else [],
        )

    @property
    def url(self) -> str:
        """Page 1's canonical URL."""
        return str(self.fields["url"])

    @property
    def site(self) -> str:
        """The site key of the story."""
        return str(self.fields["site"])

    @property
    def capped(self) -> bool:
        """True when the pager claims more pages than are ever fetched."""
        return self.page_count > MAX_STORY_PAGES and self.pages_fetched < self.page_count

    def next_page(self) -> int | None:
        """The number of the page to fetch next, or None when the story is complete."""
        last = min(self.page_count, MAX_STORY_PAGES)
        return self.last_page + 1 if self.last_page < last else None

    def add_page(self, number: int, page: TribunArticlePage) -> None:
        """Merge page ``number``'s paragraphs (its pager may reveal more pages)."""
        self.page_count = max(self.page_count, page.page_count())
        self.paragraphs += later_page_paragraphs(self.fields, page.body_paragraphs())
        if not self.fields.get("syndicated_from"):  # the copy footer ends the last page
            self.fields["syndicated_from"] = page.syndicated_from()
        self.pages_fetched += 1
        self.last_page = max(self.last_page, number)
        if page.truncated:
            self.cut_pages.append(number)

    def fail_page(self, number: int) -> None:
        """Page ``number`` could not be fetched or read: the item will be partial."""
        self.failed.append(number)
        self.last_page = max(self.last_page, number)

    def to_item(self) -> ArticleItem:
        """The raw item: fields as read from page 1, body from every merged page."""
        return ArticleItem(
            **self.fields,
            body=join_body(self.paragraphs),
            page_count=self.page_count,
            pages_fetched=self.pages_fetched,
            is_partial=self.pages_fetched < self.page_count or bool(self.cut_pages),
            crawled_at=self.crawled_at,
        )

    def as_dict(self) -> dict[str, Any]:
        """A deep copy as plain data, to carry in a request's ``cb_kwargs``."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryDraft:
        """The draft :meth:`as_dict` gave (a fresh copy: the request's data stays as it was)."""
        return cls(**copy.deepcopy(data))


def build_story(pages: list[tuple[str, str]], fetched_at: datetime) -> ArticleItem:
    """Saved pages of one story (page 1 first, as ``(html, url)``) → the raw merged item.

    The offline twin of the spider's page walk, for the gold set and the evaluation; the
    pipelines still have to run on the result, as in a crawl.
    """
    draft = StoryDraft.start(TribunArticlePage(*pages[0]), fetched_at)
    for number, (html, url) in enumerate(pages[1:], 2):
        draft.add_page(number, TribunArticlePage(html, url))
    return draft.to_item()
