"""How many pages the story has, read from its pagers (docs/site-structure.md §3).

"Halaman 1/3" counters, ``page=N`` links in the pagers in and after the body (however they
are named or moved), and the "N dari M halaman" break markers of a ``?page=all`` page. The
claim is reported as the page makes it; how many pages are fetched is the story builder's
decision (``newscrawl.story``).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from newscrawl.pages.article.body import classes
from newscrawl.pages.article.document import ArticleDocument, all_text

_TOTAL_PAGE = re.compile(r"Halaman\s+\d+\s*/\s*(\d+)", re.IGNORECASE)
_BREAK_MARKER = re.compile(r"\b\d+\s+dari\s+(\d+)\s+halaman\b", re.IGNORECASE)
_PAGE_PARAM = re.compile(r"[?&]page=(\d+)")
_REL_PAGE = re.compile(r"page-(\d+)")


class PagerFields(ArticleDocument):
    """``page_count`` and the pager links it reads."""

    @cached_property
    def _pager_links(self) -> list[Any]:
        """Links of the pagers in and after the body: ``div.paging``/``div.page-number`` and
        the "Halaman selanjutnya" ``div.mb20 > a.bgblue`` [R1][C1][C2]; any other block named
        like a pager (``pagination``, ``pager``) and any link with ``page=N`` in those regions
        count too, so a pager moved into the body or renamed is still found."""
        links: list[Any] = []
        body = self.body_element
        slug = self.url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        pager_classes = self.rules.pager_classes
        box_class = self.rules.next_page_box_class
        link_class = self.rules.next_page_link_class
        for el in ([body] if body is not None else []) + self._after_body:
            for node in el.iter("div", "ul", "nav", "a"):
                if node.tag == "a":
                    href = node.get("href") or ""
                    # a link to another page of this story, not a related story's page 2
                    if "page=" in href and (href.startswith("?") or f"{slug}?" in href):
                        links.append(node)
                    continue
                cls = node.get("class")
                if not cls or ("pag" not in cls and box_class not in cls):
                    continue
                words = cls.split()
                if any(w in pager_classes for w in words):
                    links.extend(node.iter("a"))
                elif box_class in words:
                    links.extend(a for a in node if a.tag == "a" and link_class in classes(a))
        return links

    def page_count(self) -> int:
        """Pages in the story: "Halaman 1/3" [C1][F5], the highest ``page=N`` pager link, or
        the "N dari M halaman" break markers of a ``?page=all`` page [C7].

        The claim as the page makes it, however large: how many pages are fetched is the story
        builder's decision (``newscrawl.story.MAX_STORY_PAGES``), which flags what it cuts."""
        pages = [1]
        total_classes = self.rules.total_page_classes
        for span in self._markup["span"]:
            if total_classes.intersection(classes(span)):
                m = _TOTAL_PAGE.search(all_text(span))
                if m:
                    pages.append(int(m.group(1)))
        for a in self._pager_links:
            m = _PAGE_PARAM.search(a.get("href") or "")
            if m:
                pages.append(int(m.group(1)))
            m = _REL_PAGE.search(a.get("rel") or "")
            if m:
                pages.append(int(m.group(1)))
        body = self.body_element
        marker_classes = self.rules.break_marker_classes
        if body is not None and marker_classes:
            for div in body.iter("div"):
                if marker_classes.intersection(classes(div)):
                    m = _BREAK_MARKER.search(all_text(div))
                    if m:
                        pages.append(int(m.group(1)))
        return max(pages)
