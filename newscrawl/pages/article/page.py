"""``TribunArticlePage``: one Tribun article page (any template era) → its fields and body.

Pure: built from HTML + URL, testable without Scrapy. It composes the rooms of this package:
``document.py`` (one parse, shared indexes), ``fields.py`` (the text-field cascades),
``dating.py`` (date candidates), ``media.py`` (image), ``pager.py`` (page count), ``body.py``
(structural clean-up → paragraphs), ``selectors.py`` (what is read, per era and per site)
and ``newscrawl.pages.jsonld`` (JSON-LD). ``sel`` (a parsel Selector over the same tree)
stays available for callers that want CSS.
"""

from __future__ import annotations

import re
from functools import cached_property
from urllib.parse import urljoin

from newscrawl import urls
from newscrawl.boilerplate import copy_footer, is_photo_line
from newscrawl.pages.article.body import BodyReader
from newscrawl.pages.article.document import all_text
from newscrawl.pages.article.fields import ArticleFields

_HEADER_LINE = re.compile(
    r"^(?:penulis|editor|reporter|sumber|tayang)\s*:|^zoom-?in\b"
    r"|^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu),?\s+\d{1,2}\s+\w+\s+\d{4}\b.{0,20}$",
    re.IGNORECASE,
)
# A section label: a few words, no sentence punctuation.
_SHORT_LABEL = re.compile(r"^[\w&'’/-]+(?:\s+[\w&'’/-]+){0,4}$")


class TribunArticlePage(ArticleFields):
    """A Tribun article page. Fields are methods; costly shared parses are cached."""

    def is_article(self) -> bool:
        """True for a story page: a title and a body container, and not typed as a video."""
        og_type = (self._meta("og:type") or "").strip().lower()
        if og_type.startswith("video") and not self.news_article:
            return False
        return self.title() is not None and self.body_element is not None

    def body_paragraphs(self) -> list[str]:
        """The story's paragraphs with structural boilerplate removed (§2), without the photo
        lines or (on page 2+) the head of the story that the page repeats inside its body."""
        return list(self._paragraphs)

    @cached_property
    def _paragraphs(self) -> list[str]:
        paragraphs = BodyReader(self.rules).paragraphs(self.body_element)
        if not paragraphs:
            return paragraphs
        return paragraphs[self._head_lines(paragraphs) :]

    def syndicated_from(self) -> dict[str, str | None] | None:
        """Where the story first ran, read from this page's copy footer (docs/variants.md 1):
        site name, URL and original title; None when the page's body has no footer.

        The words come from the footer text (the same search the boilerplate pipeline cuts the
        body at, so prose about "tayang di televisi" is no footer). A URL the footer does not
        write out is taken from its link: the ``<a>`` whose text is the original title. A
        Tribun article URL is given in its canonical form, like the item's own ``url``.
        """
        footer = copy_footer(self._paragraphs)
        if footer is None:
            return None
        url = footer.url or self._link_named(footer.title)
        if url and urls.is_article_url(url):  # joins with the ``url`` of a crawled original
            url = urls.canonical_article_url(url)
        return {"site_name": footer.site_name, "url": url, "title": footer.title}

    def _link_named(self, text: str | None) -> str | None:
        """The absolute href of the body's link whose text is ``text`` (spaces aside)."""
        if not text or self.body_element is None:
            return None
        wanted = " ".join(text.split()).casefold()
        for link in self.body_element.iter("a"):
            href = (link.get("href") or "").strip()
            if href and " ".join(all_text(link).split()).casefold() == wanted:
                return urljoin(self.url, href)
        return None

    def _head_lines(self, paragraphs: list[str]) -> int:
        """How many leading paragraphs repeat the head of the story rather than tell it.

        Page 1: the photo lines of a photo block moved into the body (zoom-in, credit, the
        image's own caption; docs/variants.md 3). Page 2+ of a regional desktop story may open
        its body with the whole head again: section label, title, lead, byline, photo credit
        and caption (docs/variants.md 5). Up to the last such line within the first few
        paragraphs goes; a short line between them (a label the page names otherwise) goes
        with them, and the page's own paragraphs start after the last one."""
        page_n = urls.page_number(self.url) > 1
        fields = [self.image_caption(), self.title()]
        if page_n:
            fields += [self.lead(), self.topic(), self.section(), *self.breadcrumb]
        known = {" ".join(t.split()).casefold() for t in fields if t}
        last = -1
        for i, para in enumerate(paragraphs[:10]):
            text = " ".join(para.split())
            if text.casefold() in known or _HEADER_LINE.match(text) or is_photo_line(text):
                last = i
            elif not (page_n and _SHORT_LABEL.match(text)):
                break
        return last + 1
