"""The article item: one merged news story, every field documented.

Field order is the export order (Scrapy ≥ 2.18 exports dataclass fields in declaration order),
so it is also the CSV column order. Absent values are ``None``; lists are lists of ``str``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(kw_only=True)
class ArticleItem:
    url: str
    """Page-1 canonical URL: https, no ``page`` parameter, no tracking query."""
    site: str
    """Subdomain key from the site table (``www``, ``solo``, ``makassar`` …) of the URL the
    article was read from: a redirect to another site moves the article there."""
    site_name: str | None = None
    """Display name of the site (``og:site_name``, else the site table), e.g. "Tribun Solo"."""
    article_id: str | None = None
    """The CMS id (numeric URL id, ``dataLayer.idArticle`` or ``android:app_id``)."""
    section: str | None = None
    """Section (breadcrumb / ``articleSection`` / ``dataLayer.subcategory``), e.g. "Nasional"."""
    topic: str | None = None
    """Topic label above the title (``h2.red a[href*=/topic/]``)."""
    title: str | None = None
    """Headline without the " - Tribun Solo" site suffix or "Halaman N" suffix."""
    lead: str | None = None
    """Standfirst (``h4.hide`` / meta description)."""
    body: str | None = None
    """Plain text of all pages in order, paragraphs separated by one blank line, boilerplate removed."""
    authors: list[str] | None = None
    """Writers ("Penulis"); the editor is not an author."""
    editor: str | None = None
    """Editor credit ("Editor: …")."""
    reporter: str | None = None
    """Reporter from the "Laporan Wartawan …" line, moved out of the body."""
    tags: list[str] | None = None
    """Tag labels, in page order, de-duplicated."""
    syndicated_from: dict[str, str | None] | None = None
    """Where the story first ran, as its copy footer says ("Artikel/Berita ini telah tayang di
    SITE dengan judul TITLE, URL"): ``{"site_name", "url", "title"}``, ``url`` null when the
    footer neither writes nor links one, ``title`` null when it names only a site. Null when
    the body has no copy footer. A footer naming the article itself is kept as found (the
    original then points to itself; ``newscrawl export --dedupe-syndicated`` treats it as the
    original). In CSV: three columns ``syndicated_from_site_name``, ``…_url``, ``…_title``."""
    published_at: str | None = None
    """Publication instant, ISO 8601 with the site's offset (WIB +07:00, WITA +08:00, WIT +09:00)."""
    published_raw: str | None = None
    """The date string ``published_at`` was read from, as found."""
    modified_at: str | None = None
    """Last modification (JSON-LD ``dateModified``), ISO 8601 with the site's offset."""
    image_url: str | None = None
    """Main image, full size."""
    image_caption: str | None = None
    """Main image caption."""
    page_count: int | None = None
    """Number of pages the story's pager claims ("Halaman 1 2 3", "Halaman 1/3"); at most
    ``newscrawl.story.MAX_STORY_PAGES`` (50) are fetched, a larger claim makes the item partial."""
    pages_fetched: int | None = None
    """Number of those pages actually fetched and merged."""
    is_partial: bool = False
    """True when a page of the story could not be fetched or was beyond the 50 fetched; the
    body then lacks that page."""
    word_count: int | None = None
    """Whitespace-separated words in ``body``."""
    crawled_at: str | None = None
    """When page 1 was fetched, UTC ISO 8601."""
    revision: int = 1
    """1 for the first export; +1 each time a later run sees a changed title or body."""


ARTICLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ArticleItem))
LIST_FIELDS = frozenset({"authors", "tags"})
