"""Article page object: one Tribun article page (any template era) → its fields.

Pure: built from HTML + URL, testable without Scrapy. Each field follows the same cascade,
strongest first (STYLE.md §2, news-please's date cascade): JSON-LD (the NewsArticle found by
``@type``, also inside ``@graph``), then meta tags, then visible markup, then the URL.
The header date ``li.fbo2.grey.ar`` is the *crawl* date [R1][R4] and is never read.

Speed: extraction must never limit a crawl (issue 3: ≤ 2× lxml's bare parse of the page).
The page is parsed once with lxml (plain ``etree`` elements: lxml.html's element-class lookup
costs as much again). Instead of one CSS query (one walk of the whole tree) per candidate
selector, a few cached indexes are built in one pass each (``<head>``'s children; headings,
``time``, ``span`` and ``ul`` inside the article block), elements with an ``id`` are found
through libxml2's id table (XPath ``id()``, constant time), dates and bylines are looked for
under the title and pagers and tags after the body, and the body is read without copying it.
``sel`` (a parsel Selector over the same tree) stays available for callers that want CSS.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from functools import cached_property
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector

from newscrawl import urls
from newscrawl.dates import parse_date
from newscrawl.pages import selectors as sel
from newscrawl.sites import SITES, Site

_ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle"}
)  # fmt: skip
_HALAMAN_SUFFIX = re.compile(r"\s*[-–—|]\s*Halaman\s+(?:\d+|all)\s*$", re.IGNORECASE)
_TAYANG = re.compile(r"^\s*(?:tayang|diterbitkan|dipublikasikan)\s*:?\s*", re.IGNORECASE)
_TOTAL_PAGE = re.compile(r"Halaman\s+\d+\s*/\s*(\d+)", re.IGNORECASE)
_BREAK_MARKER = re.compile(r"\b\d+\s+dari\s+(\d+)\s+halaman\b", re.IGNORECASE)
_PAGE_PARAM = re.compile(r"[?&]page=(\d+)")
# A date string that names its zone: WIB/WITA/WIT, a numeric offset or Z.
_ZONED = re.compile(r"(?:\bWI(?:B|TA|T)\b|[+-]\d{2}:?\d{2}|\dZ)\s*\)?\s*$", re.IGNORECASE)
_REL_PAGE = re.compile(r"page-(\d+)")
_DATALAYER_FIELD = re.compile(r"""['"](\w+)['"]\s*:\s*['"]([^'"\n]*)['"]""")
_CONTENT_ID = re.compile(r"""data-content-id=["'](\d+)["']""")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_BREAKS = re.compile(r"(?:\s*\n\s*){2,}")
_EDITOR_LABEL = re.compile(r"editor\s*:", re.IGNORECASE)
_PENULIS_LABEL = re.compile(r"^\s*(?:penulis|reporter)\s*:?\s*", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|\||\s&\s|\sdan\s)\s*")
# A visible publication date with a time ("Senin, 6 Oktober 2025 19:26 WIB"), for pages whose
# date box is marked up in no known way; a time is required so the header's crawl date
# ("Selasa, 13 Oktober 2020", no time) never matches.
_TEXT_DATE = re.compile(
    r"(?:(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),?\s+)?\d{1,2}\s+"
    r"(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des)\w*\s+\d{4}[,\s|]+(?:pukul\s+)?"
    r"\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT))?",
    re.IGNORECASE,
)
_ID = etree.XPath("id($i)")
_PARSER = etree.HTMLParser()
_UTF8_PARSER = etree.HTMLParser(encoding="utf-8")
_TXT_ARTICLE_DIVS = etree.XPath(
    "//div[contains(@class, 'txt-article')][contains(concat(' ', normalize-space(@class), ' '), ' txt-article ')]"
)
_SIDE_ARTICLE_DIVS = etree.XPath(
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' side-article ')]"
)
_OTHER_TAG_LINKS = etree.XPath(
    "descendant-or-self::*[@itemprop='keywords']//a"
    " | descendant-or-self::a[contains(concat(' ', normalize-space(@class), ' '), ' rd2 ')]"
)
_ANY_TXT_ARTICLE = etree.XPath(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' txt-article ')]"
)
_ARTICLE_BODY_PROP = etree.XPath("//*[@itemprop='articleBody']")
_IMGFULL = etree.XPath("//img[contains(concat(' ', normalize-space(@class), ' '), ' imgfull ')]")
_EDITOR_TEXT = etree.XPath("descendant-or-self::*/text()[contains(., 'Editor')]")
_JSONLD_SCRIPTS = etree.XPath("//script[contains(@type, 'ld+json')]")
_PENULIS_TEXT = etree.XPath("descendant-or-self::*/text()[contains(., 'Penulis')]")
_HEAD_TAGS = ("meta", "link", "title", "script")
_MARKUP_TAGS = ("h1", "h2", "h4", "h5", "time", "span", "ul")
_BLOCK_OR_CONTAINER = tuple(sel.BLOCK_TAGS | sel.CONTAINER_TAGS)
_DROP_TAGS = frozenset(sel.BODY_DROP_TAGS)
_PAGER_CLASSES = frozenset({"paging", "page-number", "pagination", "pager", "paginate"})
_RECAP_HEADING = re.compile(r"^\s*ringkasan\s+berita\s*:?\s*$", re.IGNORECASE)
# Class words of ad slots whatever their exact name ("ads_inside", "ad-slot", "advertorial-box").
_AD_CLASS_PREFIXES = ("ads", "ad-", "ad_", "advert", "iklan", "banner")
_BLOCK_LEVEL = frozenset(sel.CONTAINER_TAGS - {"span"})


def _text(value: str | None) -> str | None:
    """Whitespace-collapsed text, or None when empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _unescape(value: str) -> str:
    """JSON-LD text sometimes carries HTML entities ("&quot;", "&amp;"): decode them."""
    return html_lib.unescape(value) if "&" in value else value


def _first(*values: Any) -> Any:
    for value in values:
        if value:
            return value
    return None


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author/editor value (dict, list, or string)."""
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        if value.get("@type") == "Organization":
            return []
        name = value.get("name")
        return _names(name) if isinstance(name, str) else []
    if isinstance(value, str):
        if "&" in value:
            value = html_lib.unescape(value)
        return [n for n in (_text(p) for p in _NAME_SPLIT.split(value)) if n]
    return []


def _dedupe(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        seen.setdefault(v.casefold(), v)
    return list(seen.values())


def _load_json(raw: str) -> Any:
    """Parse a JSON-LD block; retry once without trailing commas and HTML comments."""
    text = _CONTROL.sub(" ", raw).strip()
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", text.replace("<!--", "").replace("-->", ""))
    try:
        return json.loads(repaired, strict=False)
    except ValueError:
        return None


def _has_type(node: dict[str, Any], types: frozenset[str]) -> bool:
    t = node.get("@type")
    if isinstance(t, list):
        return any(x in types for x in t)
    return t in types


def _walk_jsonld(data: Any) -> list[dict[str, Any]]:
    """Every JSON-LD node, flattening top-level lists and ``@graph`` containers."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack[:0] = node
        elif isinstance(node, dict):
            out.append(node)
            if isinstance(node.get("@graph"), list):
                stack[:0] = node["@graph"]
    return out


def _classes(el: Any) -> list[str]:
    cls = el.get("class")
    return cls.split() if cls else []


def _all_text(el: Any) -> str:
    """The element's text content (descendants' text and tails, not its own tail)."""
    return "".join(el.itertext())


def _node_text(el: Any) -> str | None:
    return _text(_all_text(el)) if el is not None else None


def _in_list_item(el: Any) -> bool:
    return any(a.tag == "li" for a in el.iterancestors())


def _is_dropped(el: Any) -> bool:
    """Structural boilerplate inside the body (§2): ads, figures, related links, recaps, pagers."""
    tag = el.tag
    if tag in _DROP_TAGS:
        return True
    classes = el.get("class")
    if classes:
        words = classes.split()
        if any(w in sel.BODY_DROP_CLASSES or w.startswith(_AD_CLASS_PREFIXES) for w in words):
            return True
    el_id = el.get("id")
    return bool(el_id and el_id.lower().startswith(sel.BODY_DROP_ID_PREFIXES))


def _parse(html: str) -> Any:
    """One lxml parse with plain ``etree`` elements (lxml.html's element-class lookup costs
    as much again as the parse when many elements are touched)."""
    root = None
    try:
        root = etree.fromstring(html, _PARSER)
    except ValueError:  # a str with an XML encoding declaration
        try:
            root = etree.fromstring(html.encode("utf-8"), _UTF8_PARSER)
        except (etree.XMLSyntaxError, ValueError):
            root = None
    except etree.XMLSyntaxError:  # empty document
        root = None
    if root is None:
        root = etree.fromstring("<html><body></body></html>", _PARSER)
    return root


class TribunArticlePage:
    """A Tribun article page. Fields are methods; costly shared parses are cached."""

    def __init__(self, html: str, url: str, site: Site | None = None) -> None:
        self.html = html
        self.url = url
        self.site = site or urls.site_of(url) or SITES["www"]
        self.root = _parse(html)

    @cached_property
    def sel(self) -> Selector:
        """A parsel Selector over the same tree, for callers that want CSS queries."""
        return Selector(root=self.root, type="html")

    # --- shared parses ------------------------------------------------------------------------
    def _by_id(self, element_id: str) -> Any:
        found = _ID(self.root, i=element_id)
        return found[0] if found else None

    @cached_property
    def _head(self) -> tuple[dict[str, str], str | None, str | None]:
        """(meta name/property → content, canonical href, <title> text), first of each.

        The same pass keeps the ``ld+json`` script texts and the ``dataLayer`` script."""
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
                title = _all_text(el)
        if not jsonld and head is not None and "ld+json" in self.html:  # JSON-LD in the body
            jsonld = [el.text for el in _JSONLD_SCRIPTS(self.root) if el.text]
        self._jsonld_texts = jsonld
        return metas, canonical, title

    def _meta(self, key: str) -> str | None:
        return self._head[0].get(key)

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
    def _scope(self) -> Any:
        """Where the story's markup lives: the block around ``div#article`` (breadcrumb,
        title, dates, body, tags [R1]) rather than menus and lists; the page if there is none."""
        box = self._article_box
        if box is None:
            return self.root
        parent = box.getparent()
        return parent if parent is not None and parent.tag != "body" else box

    @cached_property
    def _title_region(self) -> list[Any]:
        """Elements from the title down to the body: topic, lead, date box, byline (§1.1)."""
        h1 = self._title_h1
        if h1 is None:
            return []
        body = self.body_element
        anchor = h1
        for _ in range(3):  # an h1 wrapped alone in a div: continue from the wrapper
            if any(isinstance(x.tag, str) for x in anchor.itersiblings()):
                break
            parent = anchor.getparent()
            if (
                parent is None
                or parent.tag == "body"
                or (body is not None and parent in body.iterancestors())
            ):
                break
            anchor = parent
        out = []
        for n, sibling in enumerate(anchor.itersiblings()):
            if n > 12 or sibling is body:
                break
            if not isinstance(sibling.tag, str):
                continue
            if body is not None and any(a is sibling for a in body.iterancestors()):
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
    def _artimg(self) -> Any:
        return self._by_id("artimg")

    @cached_property
    def _pager_links(self) -> list[Any]:
        """Links of the pagers in and after the body: ``div.paging``/``div.page-number`` and
        the "Halaman selanjutnya" ``div.mb20 > a.bgblue`` [R1][C1][C2]; any other block named
        like a pager (``pagination``, ``pager``) and any link with ``page=N`` in those regions
        count too, so a pager moved into the body or renamed is still found."""
        links: list[Any] = []
        body = self.body_element
        slug = self.url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        for el in ([body] if body is not None else []) + self._after_body:
            for node in el.iter("div", "ul", "nav", "a"):
                if node.tag == "a":
                    href = node.get("href") or ""
                    # a link to another page of this story, not a related story's page 2
                    if "page=" in href and (href.startswith("?") or f"{slug}?" in href):
                        links.append(node)
                    continue
                cls = node.get("class")
                if not cls or ("pag" not in cls and "mb20" not in cls):
                    continue
                words = cls.split()
                if any(w in _PAGER_CLASSES for w in words):
                    links.extend(node.iter("a"))
                elif "mb20" in words:
                    links.extend(a for a in node if a.tag == "a" and "bgblue" in _classes(a))
        return links

    @cached_property
    def jsonld_nodes(self) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = []
        _ = self._head
        for raw in self._jsonld_texts:
            try:  # strict=False: raw control characters inside strings are common [C1]
                data = json.loads(raw, strict=False)
            except ValueError:
                data = _load_json(raw)  # sloppy JSON-LD, repaired; None: a broken block
            if data is not None:  # must not hide the others
                nodes.extend(_walk_jsonld(data))
        return nodes

    @cached_property
    def news_article(self) -> dict[str, Any]:
        for node in self.jsonld_nodes:
            if _has_type(node, _ARTICLE_TYPES):
                return node
        return {}

    def _jsonld_value(self, key: str) -> Any:
        """``news_article[key]``, with ``{"@id": …}`` references resolved inside the graph."""
        value = self.news_article.get(key)
        if isinstance(value, dict) and "@id" in value and "name" not in value:
            value = self._jsonld_by_id(value["@id"]) or value
        elif isinstance(value, list):
            value = [
                (self._jsonld_by_id(v["@id"]) or v)
                if isinstance(v, dict) and "@id" in v and "name" not in v
                else v
                for v in value
            ]
        return value

    def _jsonld_by_id(self, node_id: object) -> dict[str, Any] | None:
        for node in self.jsonld_nodes:
            if node.get("@id") == node_id and "name" in node:
                return node
        return None

    @cached_property
    def breadcrumb(self) -> list[str]:
        for node in self.jsonld_nodes:
            if _has_type(node, frozenset({"BreadcrumbList"})):
                items = node.get("itemListElement") or []
                names = []
                for it in items if isinstance(items, list) else []:
                    if isinstance(it, dict):
                        name = it.get("name") or (it.get("item") or {}).get("name")
                        if isinstance(name, str) and _text(name):
                            names.append(_text(name))
                if names:
                    return [n for n in names if n]
        for ul in self._markup["ul"]:
            if "breadcrumb" in _classes(ul):
                return [
                    t
                    for t in (_node_text(s) for s in ul.iter("span") if s.get("itemprop") == "name")
                    if t
                ]
        return []

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
    def _article_box(self) -> Any:
        return self._by_id("article")

    # --- classification -----------------------------------------------------------------------
    def is_article(self) -> bool:
        """True for a story page: a title and a body container, and not typed as a video."""
        og_type = (self._meta("og:type") or "").strip().lower()
        if og_type.startswith("video") and not self.news_article:
            return False
        return self.title() is not None and self.body_element is not None

    # --- fields -------------------------------------------------------------------------------
    def url_canonical(self) -> str:
        """Page-1 canonical URL; a canonical pointing off the article shapes is not believed."""
        main = self.news_article.get("mainEntityOfPage")
        for candidate in (
            self._head[1],
            self._meta("og:url"),
            main.get("@id") if isinstance(main, dict) else None,
        ):
            if candidate:
                candidate = candidate.strip()
                absolute = (
                    candidate if candidate.startswith("https://") else urljoin(self.url, candidate)
                )
                if urls.is_article_url(absolute):
                    return urls.canonical_article_url(absolute)
        return urls.canonical_article_url(self.url)

    def strip_title_suffix(self, title: str | None) -> str | None:
        """Drop " - Halaman 2", " - Tribun Solo", " | Tribun Kaltara" style suffixes (§1.2)."""
        if not title:
            return None
        title = _HALAMAN_SUFFIX.sub("", title)
        names = {self.site.name, self.site.brand, "Tribunnews.com", "TribunNews.com",
                 self.site.name.replace(" ", "") + ".com", self.site.brand.lower()}  # fmt: skip
        site_name = self._meta("og:site_name")
        if site_name:
            names.add(site_name.strip())
        for name in sorted(names, key=len, reverse=True):
            for sep in (" - ", " – ", " | ", " — "):
                if title.lower().endswith((sep + name).lower()):
                    return _text(_HALAMAN_SUFFIX.sub("", title[: -len(sep + name)]))
        return _text(title)

    @cached_property
    def _title_h1(self) -> Any:
        """``h1#arttitle``, else the ``h1`` inside ``#article``, else the first ``h1`` (§1.2)."""
        h1s = self._markup["h1"]
        box = self._article_box
        ordered = (
            [h for h in h1s if h.get("id") == "arttitle"]
            + ([h for h in h1s if box is not None and box in h.iterancestors()])
            + [h for h in h1s if "hide" not in _classes(h)]
        )
        for h1 in ordered:
            if _node_text(h1):
                return h1
        return None

    def _visible_title(self) -> str | None:
        return _node_text(self._title_h1) if self._title_h1 is not None else None

    def title(self) -> str | None:
        return self._title

    @cached_property
    def _title(self) -> str | None:
        headline = self.news_article.get("headline")
        jsonld = _text(_unescape(headline)) if isinstance(headline, str) else None
        visible = self._visible_title()
        if jsonld and visible and jsonld.endswith(("...", "…")):
            # A headline cut for JSON-LD's length limit: the page's own <h1> is whole.
            cut = jsonld.rstrip(".… ")
            if visible.startswith(cut) and len(visible) > len(cut):
                jsonld = visible
        return self.strip_title_suffix(
            _first(
                jsonld,
                visible,
                _text(self._meta("og:title")),
                _text(self._head[2]),
            )
        )

    def _visible_lead(self) -> str | None:
        for tag in ("h4", "h2"):  # h4.hide [R1][F39]; h2.hide in C1's fixture
            for el in self._markup[tag]:
                if "hide" in _classes(el):
                    text = _node_text(el)
                    if text:
                        return text
        return None

    def lead(self) -> str | None:
        description = self.news_article.get("description")
        lead = _first(
            _text(_unescape(description)) if isinstance(description, str) else None,
            _text(self._meta("description")),
            self._visible_lead(),
            _text(self._meta("og:description")),
        )
        return _text(_HALAMAN_SUFFIX.sub("", lead)) if lead else None

    def site_name(self) -> str:
        return _text(self._meta("og:site_name")) or self.site.name

    def article_id(self) -> str | None:
        found = _first(
            urls.article_id_from_url(self.url),
            _text(self._meta("android:app_id")),
            self.datalayer.get("idArticle") or None,
        )
        if found:
            return found
        content_id = _CONTENT_ID.search(self.html)
        return content_id.group(1) if content_id else None

    def section(self) -> str | None:
        """The most specific section: ``articleSection``, the last breadcrumb level below
        Home (Home › News › Nasional → "Nasional"), the URL's section, ``dataLayer``."""
        section = self.news_article.get("articleSection")
        if isinstance(section, list):
            section = section[-1] if section else None
        title = (self.title() or "").casefold()
        crumbs = [c for c in self.breadcrumb if c.casefold() not in ("home", "beranda", title)]
        url_section = urls.section_from_url(self.url)
        layer = self.datalayer.get("subcategory") or self.datalayer.get("section") or ""
        return _first(
            _text(section) if isinstance(section, str) else None,
            crumbs[-1] if crumbs else None,
            url_section.split("/")[-1].replace("-", " ").title() if url_section else None,
            layer.replace("-", " ").title() or None,
        )

    def topic(self) -> str | None:
        """The topic label above the title: ``h2.red > a`` [R1][C2], ``h4.red a[href*=/topic/]``."""
        box = self._article_box
        h2s = [h for h in self._markup["h2"] if "red" in _classes(h)]
        if box is not None:
            h2s.sort(key=lambda h: box not in h.iterancestors())  # stable: #article's first
        for h2 in h2s:
            for a in h2.iter("a"):
                text = _node_text(a)
                if text:
                    return text
        for h4 in self._markup["h4"]:
            if "red" in _classes(h4):
                for a in h4.iter("a"):
                    if "/topic/" in (a.get("href") or ""):
                        text = _node_text(a)
                        if text:
                            return text
        return self.datalayer.get("content_topic") or None

    @staticmethod
    def _credit_parts(box: Any) -> tuple[list[str], str, list[str], str]:
        """Split a credit box at "Editor:": (link names, text) before it and after it."""
        before_links: list[str] = []
        after_links: list[str] = []
        before_text: list[str] = []
        after_text: list[str] = []
        state = {"after": False}

        def text(chunk: str | None) -> None:
            if not chunk:
                return
            if not state["after"]:
                m = _EDITOR_LABEL.search(chunk)
                if m:
                    before_text.append(chunk[: m.start()])
                    state["after"] = True
                    after_text.append(chunk[m.end() :])
                    return
            (after_text if state["after"] else before_text).append(chunk)

        def walk(el: Any) -> None:
            text(el.text)
            for child in el:
                if isinstance(child.tag, str):
                    if child.tag == "a":
                        name = _node_text(child)
                        if name:
                            (after_links if state["after"] else before_links).append(name)
                    elif child.tag not in ("script", "style"):
                        walk(child)
                text(child.tail)

        walk(box)
        return before_links, "".join(before_text), after_links, "".join(after_text)

    @cached_property
    def _penulis_box(self) -> Any:
        """``#penulis`` [F1][F3][F4][C1], else a small element whose text starts "Penulis:"
        (m./AMP pages, §1.13: markup unknown)."""
        box = self._by_id("penulis")
        if box is not None:
            return box
        for region in self._title_region:
            for node in _PENULIS_TEXT(region):
                parent = node.getparent()
                if parent is None or parent.tag in ("script", "style"):
                    continue
                if node.is_tail:
                    parent = parent.getparent()
                text = _text(_all_text(parent)) if parent is not None else None
                if text and text.lower().startswith("penulis") and len(text) < 200:
                    return parent
        return None

    def editor(self) -> str | None:
        return self._editor

    @cached_property
    def _editor(self) -> str | None:
        names = _names(self._jsonld_value("editor"))
        if names:
            return names[0]
        box = self._by_id("editor")
        if box is not None:
            links = [t for t in (_node_text(a) for a in box.iter("a")) if t]
            if links:
                return links[0]
            text = _text(_all_text(box))
            if text:
                return _text(re.sub(r"^\s*editor\s*:?\s*", "", text, flags=re.IGNORECASE))
        penulis = self._penulis_box
        if penulis is not None:
            _bl, _bt, after_links, after_text = self._credit_parts(penulis)
            name = _first(after_links[0] if after_links else None, _text(after_text.strip(" |")))
            if name:
                return name
        for region in self._title_region:
            for node in _EDITOR_TEXT(region):
                parent = node.getparent()
                if node.is_tail and parent is not None:
                    parent = parent.getparent()
                if parent is None or parent.tag in ("script", "style"):
                    continue
                _bl, _bt, links, text = self._credit_parts(parent)
                name = _first(
                    links[0] if links else None, _text(_NAME_SPLIT.split(text.strip(" |:"))[0])
                )
                if name and len(name) < 80:
                    return name
        return self.datalayer.get("editor") or None

    def _visible_authors(self) -> list[str]:
        """Names in ``#penulis``; the 2025 byline also holds "| Editor: …" in the same box [F1]."""
        box = self._penulis_box
        if box is None:
            return []
        links, text, _al, _at = self._credit_parts(box)
        if links:
            return links
        text = _PENULIS_LABEL.sub("", text).strip(" |")
        return [n for n in (_text(p) for p in _NAME_SPLIT.split(text)) if n]

    def authors(self) -> list[str] | None:
        """Writers. The editor is no author: 2020 pages put the editor in JSON-LD ``author``
        while "Penulis" is empty (§1.5, [R1]), so a JSON-LD author equal to the editor is
        believed only when the page also shows it as "Penulis"."""
        visible = self._visible_authors()
        jsonld = _names(self._jsonld_value("author"))
        penulis = self.datalayer.get("penulis") or ""
        datalayer = [n for n in (_text(p) for p in penulis.split(",")) if n]
        editor = self.editor()
        if jsonld and editor and not any(n.casefold() == editor.casefold() for n in visible):
            # The editor listed among JSON-LD authors is still the editor, not a writer.
            jsonld = [n for n in jsonld if n.casefold() != editor.casefold()]
        brands = {self.site.name.casefold(), self.site.brand.casefold(), "tribunnews.com", "tribunnews",
                  (self._meta("og:site_name") or "").strip().casefold()}  # fmt: skip
        jsonld = [n for n in jsonld if n.casefold() not in brands]
        names = _dedupe(_first(jsonld, visible, datalayer) or [])
        return names or None

    def _visible_tags(self) -> list[str]:
        """``h5.tagcloud3 a`` [R1][C1][C2], ``div[itemprop=keywords] a`` [F4], ``a.rd2`` [F24]."""
        links = [
            a
            for h5 in self._markup["h5"]
            if {"tagcloud3", "tagcload3"} & set(_classes(h5))
            for a in h5.iter("a")
        ]
        if not links:  # div[itemprop=keywords] a [F4], a.rd2 [F24], in the blocks after the body
            for el in self._after_body:
                links += _OTHER_TAG_LINKS(el)
        return [t for t in (_text(a.get("title")) or _node_text(a) for a in links) if t]

    def tags(self) -> list[str] | None:
        keywords = self.news_article.get("keywords")
        if isinstance(keywords, str):
            keywords = list(keywords.split(","))
        jsonld = [t for t in (_text(k) for k in keywords or [] if isinstance(k, str)) if t]
        tags = _dedupe(self._visible_tags() or jsonld)
        return tags or None

    def _date_times(self) -> list[Any]:
        """``time`` elements that may date this story: not in lists (other stories' times)."""
        return [t for t in self._markup["time"] if not _in_list_item(t)]

    def published_candidates(self) -> list[str]:
        """Raw date strings for the publication date, most precise and strongest first."""
        out: list[str] = []
        value = self.news_article.get("datePublished")
        if isinstance(value, str):
            out.append(value)
        metas = self._head[0]
        keys = ("article:published_time", "og:article:published_time", "pubdate")
        out.extend(metas[k] for k in keys if metas.get(k))
        if self.datalayer.get("publish_date"):  # seconds, in the site's zone [R1]
            out.append(self.datalayer["publish_date"])
        times = self._date_times()
        out.extend(t.get("datetime") or "" for t in times if t.get("datetime"))
        boxes = [
            d
            for el in self._title_region
            for d in el.iter("div")
            if "bdr3" in (d.get("class") or "") and {"grey", "bdr3"} <= set(_classes(d))
        ]
        for box in boxes:  # "Tayang: Senin, 3 November 2025 19:26 WIB"
            text = _node_text(box)
            if text:
                out.append(_TAYANG.sub("", text))
        for t in times:  # div.mt10 time.grey [F4]; #article time; m./AMP pages
            text = _node_text(t)
            if text:
                out.append(_TAYANG.sub("", text))
        out = [c.strip() for c in out if c and c.strip()]
        self._has_date_markup = bool(out)
        return out or self._dates_near_title()

    def _dates_near_title(self) -> list[str]:
        """A date written in the block under the title, whatever its markup (a redesign)."""
        out = []
        for sibling in self._title_region:
            if sibling.tag not in ("script", "style"):
                m = _TEXT_DATE.search(_all_text(sibling))
                if m:
                    out.append(m.group(0))
        return out

    def published_raw(self) -> str | None:
        """The first candidate that parses as a full date (never a guessed day or zone)."""
        return self._published[0]

    def published_from_fallback(self) -> bool:
        """True when the date was only found as loose text under the title: the known date
        markup is gone (a redesign), which the run report must flag even though a date was read."""
        return self._published[1]

    @cached_property
    def _published(self) -> tuple[str | None, bool]:
        candidates = self.published_candidates()
        for i, raw in enumerate(candidates):
            moment = parse_date(raw, self.site.tz)
            if moment is None:
                continue
            if not _ZONED.search(raw):
                # A zone-less string (dataLayer "2025-10-06 19:26:00") is read in the site's
                # zone; a later string that names its zone ("… 19:26 WITA") decides when
                # they disagree by more than its minute precision (§1.4 zone notes).
                for other in candidates[i + 1 :]:
                    if _ZONED.search(other):
                        zoned = parse_date(other, self.site.tz)
                        if zoned is not None and abs((zoned - moment).total_seconds()) >= 60:
                            return other, not self._has_date_markup
                        if zoned is not None:
                            break
            return raw, not self._has_date_markup
        for raw in self._dates_near_title():  # every candidate unreadable: the visible date
            if parse_date(raw, self.site.tz) is not None:
                return raw, True
        return None, False

    def modified_raw(self) -> str | None:
        value = self.news_article.get("dateModified")
        return _first(
            value if isinstance(value, str) else None, self._meta("article:modified_time")
        )

    def image_url(self) -> str | None:
        image = self.news_article.get("image")
        if isinstance(image, list):
            image = image[0] if image else None
        if isinstance(image, dict):
            image = image.get("url") or image.get("contentUrl")
        url = _first(
            image if isinstance(image, str) else None,
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
        box = self._artimg
        if box is None:
            return None
        for a in box.iter("a"):
            if "icon_zoom" in _classes(a) and a.get("href"):
                return a.get("href")
        return None

    def _visible_image_src(self) -> str | None:
        box = self._artimg
        imgs = list(box.iter("img", "amp-img")) if box is not None else []
        imgs = [i for i in imgs if "imgfull" in _classes(i)] or imgs
        if not imgs and "imgfull" in self.html:
            imgs = _IMGFULL(self.root)
        for img in imgs:
            src = img.get("src") or img.get("data-src")
            if src and "zoom-in" not in src:
                return src
        return None

    def image_caption(self) -> str | None:
        box = self._artimg
        if box is not None:
            for el in box.iter("div", "figcaption"):
                words = _classes(el)
                if el.tag == "figcaption" or "caption" in words or {"arial", "grey2"} <= set(words):
                    text = _node_text(el)
                    if text:
                        return text
            for a in box.iter("a"):
                glightbox = a.get("data-glightbox")
                if glightbox:
                    return _text(re.sub(r"^\s*title\s*:\s*", "", glightbox).rstrip("; "))
        image = self.news_article.get("image")
        if isinstance(image, dict) and isinstance(image.get("caption"), str):
            return _text(image["caption"])
        return None

    def page_count(self) -> int:
        """Pages in the story: "Halaman 1/3" [C1][F5], the highest ``page=N`` pager link, or
        the "N dari M halaman" break markers of a ``?page=all`` page [C7]."""
        pages = [1]
        for span in self._markup["span"]:
            if "total-page" in _classes(span):
                m = _TOTAL_PAGE.search(_all_text(span))
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
        if body is not None:
            for div in body.iter("div"):
                if "article-content-body__item-break-index" in _classes(div):
                    m = _BREAK_MARKER.search(_all_text(div))
                    if m:
                        pages.append(int(m.group(1)))
        return min(max(pages), 50)

    # --- body ---------------------------------------------------------------------------------
    @cached_property
    def body_element(self) -> Any:
        """``div.side-article.txt-article`` (every era, §1.6), else any ``.txt-article``,
        else a plain ``div.side-article``, else ``[itemprop=articleBody]``."""
        con = self._by_id("article_con")
        if con is not None:
            for el in con.iter("div"):
                words = _classes(el)
                if "txt-article" in words and "side-article" in words:
                    return el
        found = _TXT_ARTICLE_DIVS(self.root)
        for el in found:
            if "side-article" in _classes(el):
                return el
        if found:
            return found[0]
        for xpath in (_ANY_TXT_ARTICLE, _SIDE_ARTICLE_DIVS, _ARTICLE_BODY_PROP):
            for el in xpath(self.root):
                if "mb5" not in _classes(el):
                    return el
        return None

    def body_paragraphs(self) -> list[str]:
        """The story's paragraphs with structural boilerplate removed (§2)."""
        root = self.body_element
        if root is None:
            return []
        paragraphs: list[str] = []
        _collect_blocks(root, paragraphs)
        return paragraphs


def _text_into(el: Any, parts: list[str]) -> None:
    """Append the text of ``el``'s content (not its tail), skipping boilerplate; ``<br>`` = newline."""
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str):
            if tag == "br":
                parts.append("\n")
            elif not _is_dropped(child):
                _text_into(child, parts)
        if child.tail:
            parts.append(child.tail)


def _block_string(el: Any) -> str:
    """Text of a block element; the C ``itertext`` unless a ``<br>`` or boilerplate is inside."""
    if len(el) == 0:
        return el.text or ""
    for d in el.iterdescendants():
        if d.tag == "br" or not isinstance(d.tag, str) or _is_dropped(d):
            parts: list[str] = []
            _text_into(el, parts)
            return "".join(parts)
    return "".join(el.itertext())


def _paragraphs_of(text: str) -> list[str]:
    """Text → paragraphs: two line breaks (``<br><br>``) split, one is a line inside."""
    if "\n" not in text:
        one = " ".join(text.split())
        return [one] if one else []
    return [p for p in (_text_lines(chunk) for chunk in _BREAKS.split(text)) if p]


def _text_lines(chunk: str) -> str:
    lines = (" ".join(line.split()) for line in chunk.split("\n"))
    return "\n".join(line for line in lines if line)


def _has_blocks(el: Any) -> bool:
    return any(d is not el for d in el.iter(*_BLOCK_OR_CONTAINER))


def _collect_blocks(el: Any, out: list[str]) -> None:
    """Walk the body: block elements become paragraphs; loose text between them does too."""
    loose: list[str] = []

    def flush() -> None:
        if loose:
            text = "".join(loose)
            if not text.isspace():
                out.extend(_paragraphs_of(text))
            loose.clear()

    recap_list_follows = False
    if el.text:
        loose.append(el.text)
    for child in el:
        tag = child.tag
        if recap_list_follows and tag in ("ul", "ol"):
            # "Ringkasan Berita:" written as a paragraph, its bullets as the next list (§2).
            recap_list_follows = False
            if child.tail:
                loose.append(child.tail)
            continue
        if isinstance(tag, str) and not _is_dropped(child):
            is_recap = False
            if tag in sel.BLOCK_TAGS and not any(
                d is not child for d in child.iter(*sel.BLOCK_TAGS)
            ):
                flush()
                paragraphs = _paragraphs_of(_block_string(child))
                is_recap = bool(paragraphs) and bool(_RECAP_HEADING.match(paragraphs[0]))
                if not is_recap:
                    out.extend(paragraphs)
            elif (tag in sel.CONTAINER_TAGS or tag in sel.BLOCK_TAGS) and _has_blocks(child):
                flush()
                _collect_blocks(child, out)
            elif tag == "br":
                loose.append("\n")
            elif tag in _BLOCK_LEVEL:  # a <div> of text is a paragraph of its own
                flush()
                out.extend(_paragraphs_of(_block_string(child)))
            else:
                _text_into(child, loose)
            recap_list_follows = is_recap
        if child.tail:
            loose.append(child.tail)
    flush()
