"""The image cascade: the story's main image URL and its caption (docs/site-structure.md §1.7).

JSON-LD ``image`` (a URL, an ``ImageObject`` or a list), ``og:image``, the zoom link and the
picture in ``#artimg``; the caption from ``#artimg``'s caption box, its lightbox title, or
JSON-LD. ``/thumbnails2/`` URLs are turned into the full-size ``/images/`` ones.
"""

from __future__ import annotations

import re
from functools import cached_property
from urllib.parse import urljoin

from newscrawl.pages.article.body import classes
from newscrawl.pages.article.document import ArticleDocument, first_of, node_text
from newscrawl.pages.article.selectors import xpath
from newscrawl.pages.jsonld import collapse

_GLIGHTBOX_TITLE = re.compile(r"^\s*title\s*:\s*")


class ImageFields(ArticleDocument):
    """``image_url`` and ``image_caption``."""

    def image_url(self) -> str | None:
        url = first_of(
            self.jsonld.image_url(),
            self._meta("og:image"),
            self._zoom_href(),
            self._visible_image_src(),
        )
        if not url:
            return None
        url = url.strip()
        if not url.startswith(("https://", "http://")):
            url = urljoin(self.url, url)
        return url.replace("/thumbnails2/", "/images/")

    def _zoom_href(self) -> str | None:
        box = self._image_box
        if box is None:
            return None
        zoom = self.rules.zoom_classes
        for a in box.iter("a"):
            if zoom.intersection(classes(a)) and a.get("href"):
                return a.get("href")
        return None

    def _visible_image_src(self) -> str | None:
        box = self._image_box
        wanted = self.rules.image_classes
        imgs = list(box.iter("img", "amp-img")) if box is not None else []
        imgs = [i for i in imgs if wanted.intersection(classes(i))] or imgs
        if not imgs and any(w in self.html for w in wanted):
            imgs = [
                i
                for w in sorted(wanted)
                for i in xpath(
                    f"//img[contains(concat(' ', normalize-space(@class), ' '), ' {w} ')]"
                )(self.root)
            ]
        for img in imgs:
            src = img.get("src") or img.get("data-src")
            if src and "zoom-in" not in src:
                return src
        return None

    def image_caption(self) -> str | None:
        return self._image_caption

    @cached_property
    def _image_caption(self) -> str | None:
        """Read once: the body's head-line check asks for it too."""
        box = self._image_box
        if box is not None:
            caption_sets = self.rules.caption_classes
            for el in box.iter("div", "figcaption"):
                words = set(classes(el))
                if el.tag == "figcaption" or any(c <= words for c in caption_sets):
                    text = node_text(el)
                    if text:
                        return text
            for a in box.iter("a"):
                glightbox = a.get("data-glightbox")
                if glightbox:
                    return collapse(_GLIGHTBOX_TITLE.sub("", glightbox).rstrip("; "))
        return collapse(self.jsonld.image_caption())
