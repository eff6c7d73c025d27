"""One parse of an article page and the few indexes every field reads from.

Speed: extraction must never limit a crawl (issue 3: ≤ 2× lxml's bare parse of the page).
The page is parsed once with lxml (plain ``etree`` elements: lxml.html's element-class lookup
costs as much again). Instead of one CSS query (one walk of the whole tree) per candidate
selector, a few cached indexes are built in one pass each (``<head>``'s children; headings,
``time``, ``span`` and ``ul`` inside the article block), elements with an ``id`` are found
through libxml2's id table (XPath ``id()``, constant time), dates and bylines are looked for
under the title and pagers and tags after the body, and the body is read without copying it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from lxml import etree
from parsel import Selector

from newscrawl import urls
from newscrawl.pages.article.body import classes, find_body
from newscrawl.pages.article.selectors import selectors_for, xpath
from newscrawl.pages.jsonld import JsonLd
from newscrawl.sites import SITES, Site

_ID = xpath("id($i)")
_JSONLD_SCRIPTS = xpath("//script[contains(@type, 'ld+json')]")
# huge_tree: libxml2's default depth limit (256) silently drops everything after a deeper
# element (issue 7.11); with it the bound is 2048 levels, and the download size cap bounds the
# rest. A page deeper than that is still cut there, and flagged (``truncated``).
_PARSER = etree.HTMLParser(huge_tree=True)
_UTF8_PARSER = etree.HTMLParser(encoding="utf-8", huge_tree=True)
_HEAD_TAGS = ("meta", "link", "title", "script")
_MARKUP_TAGS = ("h1", "h2", "h4", "h5", "time", "span", "ul")
_DATALAYER_FIELD = re.compile(r"""['"](\w+)['"]\s*:\s*['"]([^'"\n]*)['"]""")
_INVALID_ENCODING = etree.ErrorTypes.ERR_INVALID_ENCODING
_RESOURCE_LIMIT = etree.ErrorTypes.ERR_RESOURCE_LIMIT
_SURROGATES = re.compile("[\ud800-\udfff]")


def all_text(el: Any) -> str:
    """The element's text content (descendants' text and tails, not its own tail)."""
    return "".join(el.itertext())


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD (issue 7.12)."""
    return text if text.isascii() else _SURROGATES.sub("\ufffd", text)


def _parse_with(html: str) -> tuple[Any, Any, str]:
    """(root or None, the parser whose error log tells what went wrong, the HTML read)."""
    try:
        return etree.fromstring(html, _PARSER), _PARSER, html
    except ValueError:  # a str with an XML encoding declaration: parse its UTF-8 bytes
        html = valid_unicode(html)
        try:
            return etree.fromstring(html.encode("utf-8"), _UTF8_PARSER), _UTF8_PARSER, html
        except (etree.XMLSyntaxError, ValueError):
            return None, _UTF8_PARSER, html
    except etree.XMLSyntaxError:  # empty document
        return None, _PARSER, html


def parse_html(html: str) -> tuple[Any, str, bool]:
    """One lxml parse with plain ``etree`` elements (lxml.html's element-class lookup costs
    as much again as the parse when many elements are touched).

    Returns (root, the HTML as read, truncated). A lone surrogate in the text stops libxml2's
    decoding and would lose the rest of the page: such a page is cleaned and parsed again
    (the check reads the parser's error log, so valid pages pay nothing). ``truncated`` is
    True when the tree is still cut short (nesting deeper than the parser's bound)."""
    root, parser, html = _parse_with(html)
    log = parser.error_log
    if log and log.filter_types([_INVALID_ENCODING]):
        cleaned = valid_unicode(html)
        if cleaned != html:
            root, parser, html = _parse_with(cleaned)
            log = parser.error_log
    truncated = bool(log and log.filter_types([_RESOURCE_LIMIT]))
    if root is None:
        root = etree.fromstring("<html><body></body></html>", _PARSER)
    return root, html, truncated


class ArticleDocument:
    """The parsed page, its selectors table, and the cached indexes the field cascades use."""

    def __init__(self, html: str, url: str, site: Site | None = None) -> None:
        self.url = valid_unicode(url)
        self.site = site or urls.site_of(self.url) or SITES["www"]
        self.rules = selectors_for(self.site.key)
        self.root, self.html, self.truncated = parse_html(html)
        """``truncated``: the page nests deeper than the parser's bound; text after the
        deepest point is lost (the item must say it is partial)."""

    @cached_property
    def sel(self) -> Selector:
        """A parsel Selector over the same tree, for callers that want CSS queries."""
        return Selector(root=self.root, type="html")

    @cached_property
    def _ids(self) -> dict[str, Any]:
        """Every element the selectors table names by id (single words), from one ``id()``
        call: an XPath call costs as much to set up as the lookup, and there were five."""
        found: dict[str, Any] = {}
        for el in _ID(self.root, i=" ".join(self.rules.element_ids)):
            found.setdefault(el.get("id"), el)
        return found

    def _by_id(self, element_id: str) -> Any:
        return self._ids.get(element_id)

    def _by_ids(self, element_ids: tuple[str, ...]) -> Any:
        """The first element found with one of these ids, in their order."""
        ids = self._ids
        for element_id in element_ids:
            found = ids.get(element_id)
            if found is not None:
                return found
        return None

    @cached_property
    def _head(self) -> tuple[dict[str, str], str | None, str | None]:
        """(meta name/property → content, canonical href, <title> text), first of each.

        The same pass keeps the ``ld+json`` script texts."""
        metas: dict[str, str] = {}
        canonical = title = None
        jsonld: list[str] = []
        head = self.root.find("head")
        # <head>'s own children (not the whole tree: the body holds dozens of ad scripts)
        elements = (
            head.iterchildren(*_HEAD_TAGS) if head is not None else self.root.iter(*_HEAD_TAGS)
        )
        for el in elements:
            tag = el.tag
            if tag == "script":
                if "ld+json" in (el.get("type") or "") and el.text:
                    jsonld.append(el.text)
            elif tag == "meta":
                key = el.get("property") or el.get("name")
                content = el.get("content")
                if key and content is not None:
                    metas.setdefault(key.strip().lower(), content)
            elif tag == "link":
                if canonical is None and (el.get("rel") or "").strip().lower() == "canonical":
                    canonical = el.get("href")
            elif title is None:
                title = all_text(el)
        if not jsonld and head is not None and "ld+json" in self.html:  # JSON-LD in the body
            jsonld = [el.text for el in _JSONLD_SCRIPTS(self.root) if el.text]
        self._jsonld_texts = jsonld
        return metas, canonical, title

    def _meta(self, key: str) -> str | None:
        return self._head[0].get(key)

    @cached_property
    def jsonld(self) -> JsonLd:
        """The page's JSON-LD blocks (parsed on first use)."""
        _ = self._head
        return JsonLd(self._jsonld_texts)

    @property
    def jsonld_nodes(self) -> list[dict[str, Any]]:
        return self.jsonld.nodes

    @property
    def news_article(self) -> dict[str, Any]:
        """The JSON-LD article node, ``{}`` when there is none."""
        return self.jsonld.article

    @cached_property
    def datalayer(self) -> dict[str, str]:
        """The ``dataLayer = [{…}]`` metadata of 2020-era pages (single-quoted JS, §1.12)."""
        html = self.html
        start = html.find("dataLayer = [{")
        if start < 0:
            start = html.find("dataLayer=[{")
        if start < 0:
            return {}
        end = html.find("}]", start)
        block = html[start : end if end > 0 else start + 3000]
        return {k: v.strip() for k, v in _DATALAYER_FIELD.findall(block)}

    @cached_property
    def _markup(self) -> dict[str, list[Any]]:
        """Headings, ``time``, ``span`` and ``ul`` elements by tag, in document order."""
        out: dict[str, list[Any]] = {t: [] for t in _MARKUP_TAGS}
        for el in self._scope.iter(*_MARKUP_TAGS):
            out[el.tag].append(el)
        if not out["h1"] and self._scope is not self.root:
            out["h1"] = list(self.root.iter("h1"))
        return out

    @cached_property
    def _article_box(self) -> Any:
        return self._by_ids(self.rules.article_box_ids)

    @cached_property
    def _scope(self) -> Any:
        """Where the story's markup lives: the block around ``div#article`` (breadcrumb,
        title, dates, body, tags [R1]) rather than menus and lists; the page if there is none."""
        box = self._article_box
        if box is None:
            return self.root
        parent = box.getparent()
        return parent if parent is not None and parent.tag != "body" else box

    @cached_property
    def body_element(self) -> Any:
        """The body container (``body.find_body``), None when the page has none."""
        return find_body(self.root, self.rules, self._by_id)

    @cached_property
    def _title_h1(self) -> Any:
        """``h1#arttitle``, else the ``h1`` that ``og:title``/``<title>`` names, else the ``h1``
        inside ``#article``, else the first ``h1`` (§1.2). An ``h1`` inside a sponsor or
        campaign banner ("… Hebat" above the title, docs/variants.md 8) is never the title."""
        for h1 in self._title_candidates():
            if _text_of(h1):
                return h1
        return None

    def _title_candidates(self) -> Iterator[Any]:
        """The ``h1`` elements in the order ``_title_h1`` tries them; lazily, as the first
        (``h1#arttitle`` on most pages) usually has text."""
        h1s = self._markup["h1"]
        ids = self.rules.title_ids
        yield from (h for h in h1s if h.get("id") in ids)
        box = self._article_box
        hidden = self.rules.hidden_classes
        banners = self.rules.banner_class_prefixes
        plain = [
            h
            for h in h1s
            if not any(w.startswith(banners) for a in (h, *h.iterancestors()) for w in classes(a))
        ]
        metas, _canonical, head_title = self._head
        hint = " ".join((metas.get("og:title") or head_title or "").split()).casefold()
        yield from [h for h in plain if _names_headline(_text_of(h), hint)]
        yield from [h for h in plain if box is not None and box in h.iterancestors()]
        yield from [h for h in plain if not hidden.intersection(classes(h))]

    @cached_property
    def _title_region(self) -> list[Any]:
        """Elements from the title down to the body: topic, lead, date box, byline (§1.1)."""
        h1 = self._title_h1
        if h1 is None:
            return []
        body = self.body_element
        # the body's ancestors, read once (lxml gives the same proxy for a node while held)
        around_body = list(body.iterancestors()) if body is not None else []
        anchor = h1
        for _ in range(3):  # an h1 wrapped alone in a div: continue from the wrapper
            if any(isinstance(x.tag, str) for x in anchor.itersiblings()):
                break
            parent = anchor.getparent()
            if parent is None or parent.tag == "body" or parent in around_body:
                break
            anchor = parent
        out = []
        for n, sibling in enumerate(anchor.itersiblings()):
            if n > 12 or sibling is body:
                break
            if not isinstance(sibling.tag, str):
                continue
            if any(a is sibling for a in around_body):
                break
            out.append(sibling)
        return out

    @cached_property
    def _after_body(self) -> list[Any]:
        """The blocks after the body container: pager, tags, credits (§1.1, §3)."""
        body = self.body_element
        if body is None:
            return []
        out = list(body.itersiblings())[:6]
        parent = body.getparent()
        if parent is not None and len(out) < 2:  # body wrapped (div.tribun-mark [F28])
            out += list(parent.itersiblings())[:6]
        return out

    @cached_property
    def _image_box(self) -> Any:
        return self._by_ids(self.rules.image_box_ids)


def _names_headline(text: str | None, hint: str) -> bool:
    """True when ``og:title``/``<title>`` (``hint``, folded) is this heading's text, perhaps
    with a " - Site" or " - Halaman 2" suffix; a logo or banner that is only a part of it
    ("Tribun Solo" in "… - Tribun Solo") is not."""
    if not text or not hint:
        return False
    text = text.casefold()
    return hint == text or (hint.startswith(text) and hint[len(text) :].lstrip()[:1] in "-–—|:")


def _text_of(el: Any) -> str | None:
    value = " ".join(all_text(el).split())
    return value or None


def node_text(el: Any) -> str | None:
    """Whitespace-collapsed text of an element (None for no element or no text)."""
    return _text_of(el) if el is not None else None


def first_of(*values: Any) -> Any:
    """The first truthy value: a cascade's first source that gave something."""
    for value in values:
        if value:
            return value
    return None
