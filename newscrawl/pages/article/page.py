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

from newscrawl import urls
from newscrawl.boilerplate import is_photo_line
from newscrawl.pages.article.body import BodyReader
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
        paragraphs = BodyReader(self.rules).paragraphs(self.body_element)
        if not paragraphs:
            return paragraphs
        return paragraphs[self._head_lines(paragraphs) :]

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
