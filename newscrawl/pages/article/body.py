"""The article body: find its container, drop structural boilerplate, return paragraphs.

Structural clean-up only (docs/site-structure.md §2): ads, figures, related links, recaps and
pagers are elements, removed by tag, class word or id prefix from the selectors table. Text
boilerplate ("Baca juga:", the reporter line) is the pipelines' job (``boilerplate.py``).
The body is read in place, never copied: a block element becomes a paragraph, loose text
between blocks does too, and ``<br><br>`` splits paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from newscrawl import urls
from newscrawl.pages.article.selectors import ArticleSelectors, xpath

BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"})
CONTAINER_TAGS = frozenset({"div", "section", "article", "ul", "ol", "main", "span", "center"})
_BLOCK_OR_CONTAINER = BLOCK_TAGS | CONTAINER_TAGS
_BLOCK_LEVEL = frozenset(CONTAINER_TAGS - {"span"})
_BREAKS = re.compile(r"(?:\s*\n\s*){2,}")
_RECAP_HEADING = re.compile(r"^\s*ringkasan\s+berita\s*:?\s*$", re.IGNORECASE)
_WORD = re.compile(r"\w")
_RECAP_START = re.compile(r"^\s*ringkasan\s+berita\b", re.IGNORECASE)
# A heading over a list of other stories inside the body (m. pages, docs/variants.md 2).
_RELATED_HEADING = re.compile(
    r"^\s*(?:berita\s+rekomendasi|rekomendasi\s+untuk\s+anda|berita\s+terkait|artikel\s+terkait"
    r"|berita\s+lainnya|baca\s+juga)\s*:?\s*$",
    re.IGNORECASE,
)
# A recap box is short: a wrapper that merely starts with the recap holds the story too.
_RECAP_BOX_MAX_CHARS = 1500


def _article_href(href: str | None) -> bool:
    """True when a link points at a story: an article-shaped path (``/YYYY/MM/DD/slug``,
    ``/section/id/slug``) on any host, so links to other Tribun verticals (wow, travel) and
    to partner sites count too; tag and topic pages do not. Only the path is read."""
    if not href:
        return False
    path = urlsplit(href.strip()).path
    return bool(path) and urls.is_article_path("/" + path.lstrip("/"))


# Descendants looked at one by one before lxml's tag filter takes over (its setup costs more
# than looking at a few: most blocks hold nothing or a <b> or two).
_FEW_DESCENDANTS = 8
_LINK_TAGS = frozenset({"a"})


def _has_inside(el: Any, tags: frozenset[str]) -> bool:
    """True when an element with one of ``tags`` is inside ``el`` (not ``el`` itself)."""
    if len(el) == 0:
        return False
    for n, d in enumerate(el.iterdescendants()):
        if d.tag in tags:
            return True
        if n == _FEW_DESCENDANTS:
            return next(el.iterdescendants(*tags), None) is not None
    return False


def _has_link(el: Any) -> bool:
    """True when an ``<a>`` is inside ``el``."""
    return _has_inside(el, _LINK_TAGS)


MAX_WALK_DEPTH = 120
"""Python recursion into the body stops here; deeper content is read as plain text
(``itertext``, in C), so a page nested 2,000 deep keeps its text without a RecursionError."""


def classes(el: Any) -> list[str]:
    """The element's class words."""
    cls = el.get("class")
    return cls.split() if cls else []


def find_body(root: Any, rules: ArticleSelectors, by_id: Callable[[str], Any]) -> Any:
    """``div.side-article.txt-article`` inside ``#article_con`` (every era, §1.6), else any
    ``.txt-article`` (a ``.side-article`` one first), else a plain ``div.side-article``, else
    ``[itemprop=articleBody]``; a candidate that is a related-links box (``mb5``) is skipped."""
    wanted = rules.body_classes
    for box_id in rules.body_box_ids:
        box = by_id(box_id)
        if box is not None:
            for el in box.iter("div"):
                words = classes(el)
                if all(w in words for w in wanted):
                    return el
    first, *rest = rules.body_xpaths or ("",)
    if first:
        candidates = xpath(first)(root)
        for el in candidates:
            if all(w in classes(el) for w in wanted[1:]):
                return el
        if candidates:
            return candidates[0]
    for expression in rest:
        for el in xpath(expression)(root):
            if not rules.body_not_classes.intersection(classes(el)):
                return el
    return None


class BodyReader:
    """Body container → paragraphs, with the boilerplate rules of one selectors table."""

    def __init__(self, rules: ArticleSelectors) -> None:
        self._drop_tags = rules.body_drop_tags
        self._drop_classes = rules.body_drop_classes
        self._drop_ids = rules.body_drop_id_prefixes
        self._ad_prefixes = rules.ad_class_prefixes
        self._drop_class_sets = rules.body_drop_class_sets

    def paragraphs(self, root: Any) -> list[str]:
        """The story's paragraphs with structural boilerplate removed (§2)."""
        if root is None:
            return []
        out: list[str] = []
        self._collect_blocks(root, out, 0)
        return out

    def is_dropped(self, el: Any) -> bool:
        """Structural boilerplate inside the body (§2): ads, figures, related links, recaps,
        pagers."""
        if el.tag in self._drop_tags:
            return True
        cls = el.get("class")
        if cls:
            drop, ads = self._drop_classes, self._ad_prefixes
            words = cls.split()
            if any(w in drop or w.startswith(ads) for w in words):
                return True
            if any(s.issubset(words) for s in self._drop_class_sets):
                return True
        el_id = el.get("id")
        return bool(el_id and el_id.lower().startswith(self._drop_ids))

    def is_link_only(self, el: Any, *, any_href: bool = False) -> bool:
        """A block whose words are all inside links to other articles: a related headline
        standing alone ("<p><a>Judul</a></p>", "• <a>…</a>", docs/variants.md 2). With
        ``any_href`` a link to any page counts (an item of a menu list)."""
        if not _has_link(el):
            return False
        rest: list[str] = []
        linked = False

        def walk(node: Any, depth: int) -> None:
            nonlocal linked
            if depth > MAX_WALK_DEPTH:
                rest.append(_own_text(node))
                return
            if node.text:
                rest.append(node.text)
            for child in node:
                if isinstance(child.tag, str):
                    if child.tag == "a" and (any_href or _article_href(child.get("href"))):
                        linked = linked or bool(_WORD.search("".join(child.itertext())))
                    elif not self.is_dropped(child):
                        walk(child, depth + 1)
                if child.tail:
                    rest.append(child.tail)

        walk(el, 0)
        return linked and not _WORD.search("".join(rest))

    def _is_menu(self, el: Any) -> bool:
        """Three or more links and no words outside them: a section menu or a row of links."""
        has_three = len(list(islice(el.iterdescendants("a"), 3))) == 3
        return has_three and self.is_link_only(el, any_href=True)

    def _is_link_block(self, el: Any) -> bool:
        """A related headline or a menu standing as a block (a block without links is neither)."""
        return _has_link(el) and (self.is_link_only(el) or self._is_menu(el))

    def _is_link_list(self, el: Any) -> bool:
        """A list whose every item is a link: a menu or a "Berita Rekomendasi" list."""
        items = [li for li in el if li.tag == "li"]
        return bool(items) and all(self.is_link_only(li, any_href=True) for li in items)

    def _text_into(self, el: Any, parts: list[str], depth: int = 0) -> None:
        """Append the text of ``el``'s content (not its tail), skipping boilerplate;
        ``<br>`` = newline."""
        if depth > MAX_WALK_DEPTH:
            parts.append(_own_text(el))
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            tag = child.tag
            if isinstance(tag, str):
                if tag == "br":
                    parts.append("\n")
                elif not self.is_dropped(child):
                    self._text_into(child, parts, depth + 1)
            if child.tail:
                parts.append(child.tail)

    def _block_string(self, el: Any, depth: int) -> str:
        """Text of a block element; the C ``itertext`` unless a ``<br>`` or boilerplate is
        inside."""
        if len(el) == 0:
            return el.text or ""
        for d in el.iterdescendants():
            if d.tag == "br" or not isinstance(d.tag, str) or self.is_dropped(d):
                parts: list[str] = []
                self._text_into(el, parts, depth)
                return "".join(parts)
        return "".join(el.itertext())

    def _collect_blocks(self, el: Any, out: list[str], depth: int) -> None:
        """Walk the body: block elements become paragraphs; loose text between them does too."""
        if depth > MAX_WALK_DEPTH:
            out.extend(paragraphs_of(_own_text(el)))
            return
        loose: list[str] = []

        def flush() -> None:
            if loose:
                text = "".join(loose)
                if not text.isspace():
                    out.extend(paragraphs_of(text))
                loose.clear()

        recap_list_follows = False
        related_list_follows = False
        if el.text:
            loose.append(el.text)
        for child in el:
            tag = child.tag
            if related_list_follows and (
                tag in ("ul", "ol") or (tag == "div" and _has_link(child))
            ):
                # the list under a "Berita Rekomendasi" heading, whatever its items hold
                related_list_follows = False
                if child.tail:
                    loose.append(child.tail)
                continue
            related_list_follows = False
            if recap_list_follows and tag in ("ul", "ol"):
                # "Ringkasan Berita:" written as a paragraph, its bullets as the next list (§2).
                recap_list_follows = False
                if child.tail:
                    loose.append(child.tail)
                continue
            if isinstance(tag, str) and not self.is_dropped(child):
                is_recap = False
                if tag in ("ul", "ol") and self._is_link_list(child):
                    flush()
                elif tag in BLOCK_TAGS and not _has_inside(child, BLOCK_TAGS):
                    flush()
                    if self._is_link_block(child):
                        if child.tail:
                            loose.append(child.tail)
                        continue
                    paragraphs = paragraphs_of(self._block_string(child, depth + 1))
                    if len(paragraphs) == 1 and _RELATED_HEADING.match(paragraphs[0]):
                        related_list_follows = True  # the heading goes with its list
                        if child.tail:
                            loose.append(child.tail)
                        continue
                    is_recap = bool(paragraphs) and bool(_RECAP_HEADING.match(paragraphs[0]))
                    if is_recap:
                        # without a list after it, its points are paragraphs: the text clean-up
                        # drops them up to the dateline (boilerplate.py), so the heading stays
                        following = child.getnext()
                        is_recap = following is not None and following.tag in ("ul", "ol")
                    if not is_recap:
                        out.extend(paragraphs)
                elif (tag in CONTAINER_TAGS or tag in BLOCK_TAGS) and _has_blocks(child):
                    flush()
                    if not _is_recap_box(child):
                        self._collect_blocks(child, out, depth + 1)
                elif tag == "br":
                    loose.append("\n")
                elif tag in _BLOCK_LEVEL:  # a <div> of text is a paragraph of its own
                    flush()
                    if not self._is_link_block(child):
                        out.extend(paragraphs_of(self._block_string(child, depth + 1)))
                else:
                    self._text_into(child, loose, depth + 1)
                recap_list_follows = is_recap
            if child.tail:
                loose.append(child.tail)
        flush()


def paragraphs_of(text: str) -> list[str]:
    """Text → paragraphs: two line breaks (``<br><br>``) split, one is a line inside."""
    if "\n" not in text:
        one = " ".join(text.split())
        return [one] if one else []
    return [p for p in (_text_lines(chunk) for chunk in _BREAKS.split(text)) if p]


def _own_text(el: Any) -> str:
    """Text of ``el`` and its descendants, not its tail."""
    return "".join(el.itertext())


def _text_lines(chunk: str) -> str:
    lines = (" ".join(line.split()) for line in chunk.split("\n"))
    return "\n".join(line for line in lines if line)


def _is_recap_box(el: Any) -> bool:
    """A box that opens with "Ringkasan Berita" and holds little else: the recap, whole (§2).
    A wrapper around the whole story that merely starts with the recap is not one."""
    return bool(_RECAP_START.match(_text_start(el))) and (
        len(_text_start(el, _RECAP_BOX_MAX_CHARS)) < _RECAP_BOX_MAX_CHARS
    )


def _text_start(el: Any, size: int = 60) -> str:
    """The first ``size``-odd characters of an element's text, without reading all of it."""
    parts: list[str] = []
    length = 0
    for chunk in el.itertext():
        parts.append(chunk)
        length += len(chunk)
        if length >= size:
            break
    return "".join(parts)


def _has_blocks(el: Any) -> bool:
    return _has_inside(el, _BLOCK_OR_CONTAINER)
