"""``TribunArticlePage``: one Tribun article page (any template era) → its fields and body.

Pure: built from HTML + URL, testable without Scrapy. It composes the rooms of this package:
``document.py`` (one parse, shared indexes), ``fields.py`` (the cascades), ``body.py``
(structural clean-up → paragraphs), ``selectors.py`` (what is read, per era and per site)
and ``newscrawl.pages.jsonld`` (JSON-LD). ``sel`` (a parsel Selector over the same tree)
stays available for callers that want CSS.
"""

from __future__ import annotations

import re

from newscrawl import urls
from newscrawl.boilerplate import is_photo_line
from newscrawl.pages.article.body import BodyReader
from newscrawl.pages.article.fields import ArticleFields

_HEADER_LINE = re.compile(
    r"^(?:penulis|editor|reporter|sumber|tayang)\s*:|^zoom-?in\b", re.IGNORECASE
)


class TribunArticlePage(ArticleFields):
    """A Tribun article page. Fields are methods; costly shared parses are cached."""

    def is_article(self) -> bool:
        """True for a story page: a title and a body container, and not typed as a video."""
        og_type = (self._meta("og:type") or "").strip().lower()
        if og_type.startswith("video") and not self.news_article:
            return False
        return self.title() is not None and self.body_element is not None

    def body_paragraphs(self) -> list[str]:
        """The story's paragraphs with structural boilerplate removed (§2). On page 2+ the
        head of the story that the page repeats inside its body is left out."""
        paragraphs = BodyReader(self.rules).paragraphs(self.body_element)
        if urls.page_number(self.url) > 1:
            return self._without_repeated_header(paragraphs)
        return paragraphs

    def _without_repeated_header(self, paragraphs: list[str]) -> list[str]:
        """Page N of a regional desktop story may open its body with the story's head again:
        section label, title, lead, byline, photo credit and caption (docs/variants.md 5).
        The leading run of such lines goes; the page's own paragraphs start after it."""
        known = {
            " ".join(t.split()).casefold()
            for t in (
                self.title(),
                self.lead(),
                self.topic(),
                self.section(),
                self.image_caption(),
                *self.breadcrumb,
            )
            if t
        }
        start = 0
        for para in paragraphs:
            text = " ".join(para.split())
            if not (text.casefold() in known or _HEADER_LINE.match(text) or is_photo_line(text)):
                break
            start += 1
        return paragraphs[start:]
