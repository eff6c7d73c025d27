"""Listing page object: index-news, section and home "latest" lists → article links and paging.

Markup (docs/site-structure.md §4): ``ul.lsi > li.ptb15`` on index pages,
``ul#latestul > li.art-list`` on section and home pages; native-ad items (``li.nativeads``,
``li.reserved_box_ads``) are skipped; item links may be relative [R6], so every href is joined
with the page URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from newscrawl import urls
from newscrawl.pages import selectors as sel

_PAGE_PARAM = re.compile(r"[?&]page=(\d+)")
_SECTION_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9-]+)*$")
_NEXT_WORDS = re.compile(r"^\s*(?:next|selanjutnya|berikutnya|»|›|>)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ListedArticle:
    """One article link of a listing, with the time the listing shows for it (raw)."""

    url: str
    listed_time: str | None


class TribunListingPage:
    """A listing page: its article links, the next page and (on www) the section picker."""

    def __init__(self, html: str, url: str) -> None:
        self.url = url
        self.sel = Selector(text=html, type="html")

    @cached_property
    def _items(self) -> list[Selector]:
        """The list's story items, native ads left out (first known list markup that matches)."""
        for css in sel.LIST_ITEMS:
            items = self.sel.css(css)
            if items:
                return [
                    li
                    for li in items
                    if not (set((li.attrib.get("class") or "").split()) & sel.LIST_AD_CLASSES)
                ]
        return []

    def articles(self) -> list[ListedArticle]:
        """Article links in list order, canonical and de-duplicated; non-articles left out."""
        found: dict[str, ListedArticle] = {}
        for li in self._items:
            href = None
            for css in sel.LIST_TITLE_LINK:
                href = li.css(css).get()
                if href:
                    break
            hrefs = [href] if href else li.css("a::attr(href)").getall()
            listed_time = None
            for css in sel.LIST_TIME:
                listed_time = (li.css(css).get() or "").strip() or None
                if listed_time:
                    break
            for h in hrefs:  # the first article link of the item is its story
                absolute = urljoin(self.url, h.strip())
                if urls.is_article_url(absolute):
                    canonical = urls.canonical_article_url(absolute)
                    found.setdefault(canonical, ListedArticle(canonical, listed_time))
                    break
        if not found and not self._items:
            for href in self.sel.xpath(sel.LIST_FALLBACK_LINKS + "/@href").getall():
                absolute = urljoin(self.url, href.strip())
                if urls.is_article_url(absolute):
                    canonical = urls.canonical_article_url(absolute)
                    found.setdefault(canonical, ListedArticle(canonical, None))
        return list(found.values())

    def item_links(self) -> set[str]:
        """Every link of the list's (non-ad) items, articles or not: what makes a page "the same
        page again" when the site repeats its last page, as opposed to a page of videos."""
        links = {
            urljoin(self.url, href.strip())
            for li in self._items
            for href in li.css("a::attr(href)").getall()
        }
        return links or {a.url for a in self.articles()}

    def next_page_url(self, current_page: int) -> str | None:
        """The link to page ``current_page + 1``: a numbered pager link, else a "Next" link."""
        wanted = current_page + 1
        for css in sel.INDEX_PAGER:
            links = self.sel.css(css)
            for a in links:
                href = a.attrib.get("href")
                m = _PAGE_PARAM.search(href or "")
                if href and m and int(m.group(1)) == wanted:
                    return urljoin(self.url, href)
            for a in links:
                href = a.attrib.get("href")
                if href and _NEXT_WORDS.match(" ".join(a.css("::text").getall())):
                    return urljoin(self.url, href)
        return None

    def section_options(self) -> list[str]:
        """Section slugs offered by the index's section picker (``select#sectionpil``).

        An option's value may be the slug (``nasional``), a path or a whole URL of that
        section's index (``/index-news/nasional?date=…``); each gives ``nasional``.
        """
        found: dict[str, None] = {}
        for value in self.sel.css(sel.SECTION_PICKER).getall():
            path = urlsplit(urljoin(self.url, value.strip())).path if "/" in value else value
            path = path.strip().strip("/")
            if "index-news" in path:
                path = path.split("index-news", 1)[1].strip("/")
            slug = path.lower()
            if slug and slug not in ("all", "premium", "0") and _SECTION_SLUG.match(slug):
                found.setdefault(slug, None)
        return list(found)
