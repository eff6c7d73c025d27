"""``TribunArticlePage``: one Tribun article page (any template era) → its fields and body.

Pure: built from HTML + URL, testable without Scrapy. It composes the rooms of this package:
``document.py`` (one parse, shared indexes), ``fields.py`` (the cascades), ``body.py``
(structural clean-up → paragraphs), ``selectors.py`` (what is read, per era and per site)
and ``newscrawl.pages.jsonld`` (JSON-LD). ``sel`` (a parsel Selector over the same tree)
stays available for callers that want CSS.
"""

from __future__ import annotations

from newscrawl.pages.article.body import BodyReader
from newscrawl.pages.article.fields import ArticleFields


class TribunArticlePage(ArticleFields):
    """A Tribun article page. Fields are methods; costly shared parses are cached."""

    def is_article(self) -> bool:
        """True for a story page: a title and a body container, and not typed as a video."""
        og_type = (self._meta("og:type") or "").strip().lower()
        if og_type.startswith("video") and not self.news_article:
            return False
        return self.title() is not None and self.body_element is not None

    def body_paragraphs(self) -> list[str]:
        """The story's paragraphs with structural boilerplate removed (§2)."""
        return BodyReader(self.rules).paragraphs(self.body_element)
