"""Sitemap page object: news sitemaps and sitemap indexes → article entries and child sitemaps.

Shapes seen on the network (docs/site-structure.md §7):

- ``https://www.tribunnews.com/sitemap.xml`` is a ``<sitemapindex>`` of per-section
  ``{section}/sitemap-news.xml`` (plus ``-web.xml`` and ``-images.xml``); regional sites use
  underscores (``/lokal/sitemap_news.xml``) and may nest indexes several levels deep.
- News entries are ``<url><loc>…</loc><news:news><news:publication_date>…</news:publication_date>
  <news:title>…</news:title></news:news></url>``; ``<loc>`` may be wrapped in ``<![CDATA[…]]>``.

Scrapy's ``SitemapSpider`` reads neither ``news:publication_date`` nor the title, which the
nightly run needs to filter entries to its date window before fetching them; hence this parser.
It matches elements by local name, so a missing or different namespace declaration does not
matter, and parses with lxml's ``recover`` mode so a truncated or slightly broken file still
yields the entries before the damage. Entities are not resolved and the network is never used
(no XXE).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cached_property

from lxml import etree

from newscrawl.dates import parse_date

# Child sitemaps worth following for article discovery: the news sitemaps, in both spellings.
# ``-web``/``_web`` (evergreen pages) and ``-images`` sitemaps are left to callers.
# Sitemaps may hold 50,000 URLs / 50 MB uncompressed (sitemaps.org); more is not a sitemap.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
_NEWS_SITEMAP = re.compile(r"sitemap[-_]news\.xml(?:\.gz)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One ``<url>`` of a sitemap: its location and, for news sitemaps, the publication data."""

    url: str
    """The ``<loc>`` value, stripped (CDATA unwrapped)."""
    publication_date_raw: str | None = None
    """``news:publication_date`` as found (ISO 8601 with offset on this network), else None."""
    title: str | None = None
    """``news:title``, else None."""
    lastmod: str | None = None
    """``<lastmod>`` as found, else None (used when there is no publication date)."""

    def published(self, tz: tzinfo) -> datetime | None:
        """The publication instant in ``tz``: ``news:publication_date``, else ``lastmod``."""
        for raw in (self.publication_date_raw, self.lastmod):
            if not raw:
                continue
            try:
                moment = datetime.fromisoformat(raw.strip())
            except ValueError:
                moment = None
            if moment is not None and moment.tzinfo is not None:
                return moment.astimezone(tz)
            parsed = parse_date(raw, tz)
            if parsed is not None:
                return parsed
        return None


def _local(tag: object) -> str:
    # Comments and processing instructions have a non-string tag.
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _text(element: etree._Element) -> str | None:
    value = "".join(element.itertext()).strip()
    return value or None


class TribunSitemapPage:
    """A sitemap document: a ``<sitemapindex>`` (children) or a ``<urlset>`` (entries)."""

    def __init__(self, xml: bytes | str, url: str) -> None:
        self.url = url
        self._xml = xml.encode("utf-8") if isinstance(xml, str) else xml

    @cached_property
    def _root(self) -> etree._Element | None:
        # A BOM or blank lines before the XML declaration make lxml give up even in recover
        # mode; real sitemaps served by PHP templates often have them.
        data = _gunzip(self._xml) if self._xml[:2] == b"\x1f\x8b" else self._xml
        data = data.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not data:
            return None
        parser = etree.XMLParser(
            recover=True,
            resolve_entities=False,
            no_network=True,
            remove_comments=True,
            huge_tree=False,
        )
        try:
            return etree.fromstring(data, parser=parser)
        except etree.XMLSyntaxError:
            return None

    @property
    def kind(self) -> str | None:
        """``"sitemapindex"``, ``"urlset"``, or None when the document is not a sitemap."""
        if self._root is None:
            return None
        name = _local(self._root.tag)
        return name if name in ("sitemapindex", "urlset") else None

    def child_sitemaps(self, *, news_only: bool = False) -> list[str]:
        """The ``<sitemap><loc>`` URLs of an index, in document order, de-duplicated.

        With ``news_only``, only news sitemaps (``sitemap-news.xml``/``sitemap_news.xml``) and
        nested indexes (any other ``sitemap*.xml`` that is not ``-web``/``-images``) are kept.
        """
        if self.kind != "sitemapindex":
            return []
        found: dict[str, None] = {}
        for sitemap in self._root.iter():  # type: ignore[union-attr]
            if _local(sitemap.tag) != "sitemap":
                continue
            loc = self._child_text(sitemap, "loc")
            if loc and (not news_only or _is_news_or_index(loc)):
                found.setdefault(loc, None)
        return list(found)

    def entries(self) -> list[SitemapEntry]:
        """The ``<url>`` entries of a urlset, in document order, de-duplicated by URL."""
        if self.kind != "urlset":
            return []
        found: dict[str, SitemapEntry] = {}
        for url in self._root.iter():  # type: ignore[union-attr]
            if _local(url.tag) != "url":
                continue
            loc = self._child_text(url, "loc")
            if not loc or loc in found:
                continue
            publication_date = title = None
            for child in url:
                if _local(child.tag) == "news":
                    publication_date = self._child_text(child, "publication_date")
                    title = self._child_text(child, "title")
                    break
            found[loc] = SitemapEntry(
                url=loc,
                publication_date_raw=publication_date,
                title=title,
                lastmod=self._child_text(url, "lastmod"),
            )
        return list(found.values())

    @staticmethod
    def _child_text(parent: etree._Element, name: str) -> str | None:
        for child in parent:
            if _local(child.tag) == name:
                return _text(child)
        return None


def _gunzip(data: bytes) -> bytes:
    """A ``.xml.gz`` sitemap served without ``Content-Encoding``; capped against gzip bombs."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        return inflater.decompress(data, MAX_SITEMAP_BYTES)
    except zlib.error:
        return b""


def _is_news_or_index(url: str) -> bool:
    path = url.split("?", 1)[0].lower()
    if _NEWS_SITEMAP.search(path):
        return True
    tail = path.rsplit("/", 1)[-1]
    return tail.startswith("sitemap") and not re.search(r"[-_](web|images?|video)\.xml", tail)
