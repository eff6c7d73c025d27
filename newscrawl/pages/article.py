"""Article page object: one Tribun article page (any template era) → its fields.

Pure: built from HTML + URL, testable without Scrapy. Each field follows the same cascade,
strongest first (STYLE.md §2, news-please's date cascade): JSON-LD (the NewsArticle found by
``@type``, also inside ``@graph``), then meta tags, then visible markup, then the URL.
The header date ``li.fbo2.grey.ar`` is the *crawl* date [R1][R4] and is never read.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cached_property
from typing import Any
from urllib.parse import urljoin

from lxml import html as lxml_html
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
_PAGE_PARAM = re.compile(r"[?&]page=(\d+)")
_REL_PAGE = re.compile(r"page-(\d+)")
_DATALAYER_FIELD = re.compile(r"""['"](\w+)['"]\s*:\s*['"]([^'"\n]*)['"]""")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WS = re.compile(r"\s+")
_BREAKS = re.compile(r"(?:\s*\n\s*){2,}")


def _text(value: str | None) -> str | None:
    """Whitespace-collapsed text, or None when empty."""
    if value is None:
        return None
    value = _WS.sub(" ", value).strip()
    return value or None


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
        name = _text(value.get("name")) if isinstance(value.get("name"), str) else None
        return [name] if name else []
    if isinstance(value, str):
        name = _text(value)
        return [name] if name else []
    return []


def _dedupe(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        seen.setdefault(v.casefold(), v)
    return list(seen.values())


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


class TribunArticlePage:
    """A Tribun article page. Fields are methods; costly shared parses are cached."""

    def __init__(self, html: str, url: str, site: Site | None = None) -> None:
        self.html = html
        self.url = url
        self.site = site or urls.site_of(url) or SITES["www"]
        self.sel = Selector(text=html, type="html")

    # --- shared parses ------------------------------------------------------------------------
    @cached_property
    def jsonld_nodes(self) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = []
        for raw in self.sel.css(sel.JSONLD).getall():
            try:
                data = json.loads(_CONTROL.sub(" ", raw), strict=False)
            except ValueError:
                continue  # a broken block must not hide the others
            nodes.extend(_walk_jsonld(data))
        return nodes

    @cached_property
    def news_article(self) -> dict[str, Any]:
        for node in self.jsonld_nodes:
            if _has_type(node, _ARTICLE_TYPES):
                return node
        return {}

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
        return [t for t in (_text(x) for x in self.sel.css(sel.BREADCRUMB).getall()) if t]

    @cached_property
    def datalayer(self) -> dict[str, str]:
        """The ``dataLayer = [{…}]`` metadata of 2020-era pages (single-quoted JS, §1.12)."""
        start = self.html.find("dataLayer = [{")
        if start < 0:
            start = self.html.find("dataLayer=[{")
        if start < 0:
            return {}
        end = self.html.find("}]", start)
        block = self.html[start : end if end > 0 else start + 3000]
        return {k: v.strip() for k, v in _DATALAYER_FIELD.findall(block)}

    def _css_text(self, candidates: tuple[str, ...]) -> str | None:
        for css in candidates:
            node = self.sel.css(css)
            if node:
                text = _text(" ".join(node[0].css("::text").getall()))
                if text:
                    return text
        return None

    # --- classification -----------------------------------------------------------------------
    def is_article(self) -> bool:
        """True for a story page: a title and a body container, and not typed as a video."""
        og_type = (self.sel.css(sel.OG_TYPE).get() or "").strip().lower()
        if og_type.startswith("video") and not self.news_article:
            return False
        return self.title() is not None and self.body_element is not None

    # --- fields -------------------------------------------------------------------------------
    def url_canonical(self) -> str:
        """Page-1 canonical URL; a canonical pointing off the article shapes is not believed."""
        main = self.news_article.get("mainEntityOfPage")
        for candidate in (
            self.sel.css(sel.CANONICAL).get(),
            self.sel.css(sel.OG_URL).get(),
            main.get("@id") if isinstance(main, dict) else None,
        ):
            if candidate:
                absolute = urljoin(self.url, candidate.strip())
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
        site_name = self.sel.css(sel.OG_SITE_NAME).get()
        if site_name:
            names.add(site_name.strip())
        for name in sorted(names, key=len, reverse=True):
            for sep in (" - ", " – ", " | ", " — "):
                if title.lower().endswith((sep + name).lower()):
                    return _text(_HALAMAN_SUFFIX.sub("", title[: -len(sep + name)]))
        return _text(title)

    def title(self) -> str | None:
        headline = self.news_article.get("headline")
        return self.strip_title_suffix(
            _first(
                _text(headline) if isinstance(headline, str) else None,
                self._css_text(sel.TITLE),
                _text(self.sel.css(sel.OG_TITLE).get()),
                _text(self.sel.css(sel.HTML_TITLE).get()),
            )
        )

    def lead(self) -> str | None:
        description = self.news_article.get("description")
        lead = _first(
            _text(description) if isinstance(description, str) else None,
            _text(self.sel.css(sel.META_DESCRIPTION).get()),
            self._css_text(sel.LEAD),
            _text(self.sel.css(sel.OG_DESCRIPTION).get()),
        )
        return _text(_HALAMAN_SUFFIX.sub("", lead)) if lead else None

    def site_name(self) -> str:
        return _text(self.sel.css(sel.OG_SITE_NAME).get()) or self.site.name

    def article_id(self) -> str | None:
        return _first(
            urls.article_id_from_url(self.url),
            _text(self.sel.css(sel.APP_ID).get()),
            self.datalayer.get("idArticle") or None,
            _text(self.sel.css(sel.DATA_CONTENT_ID).get()),
        )

    def section(self) -> str | None:
        section = self.news_article.get("articleSection")
        if isinstance(section, list):
            section = section[0] if section else None
        crumbs = [c for c in self.breadcrumb if c.casefold() not in ("home", "beranda")]
        url_section = urls.section_from_url(self.url)
        return _first(
            _text(section) if isinstance(section, str) else None,
            crumbs[0] if crumbs else None,
            url_section.split("/")[0].replace("-", " ").title() if url_section else None,
            (self.datalayer.get("section") or "").title() or None,
        )

    def topic(self) -> str | None:
        return _first(self._css_text(sel.TOPIC), self.datalayer.get("content_topic") or None)

    def editor(self) -> str | None:
        names = _names(self.news_article.get("editor"))
        if names:
            return names[0]
        for css in sel.EDITOR_LINKS:
            text = _text(" ".join(self.sel.css(css + "::text").getall()))
            if text:
                return text
        box = _text(" ".join(self.sel.css(sel.EDITOR_BOX + " ::text").getall()))
        if box:
            return _text(re.sub(r"^\s*editor\s*:?\s*", "", box, flags=re.IGNORECASE))
        inline = _text(" ".join(self.sel.css(sel.AUTHOR_BOX + " ::text").getall()))
        if inline and re.search(r"editor\s*:", inline, re.IGNORECASE):
            return _text(re.split(r"editor\s*:", inline, flags=re.IGNORECASE)[1])
        return self.datalayer.get("editor") or None

    def _visible_authors(self) -> list[str]:
        """Names in ``#penulis``; the 2025 byline also holds "| Editor: …" in the same box [F1]."""
        box = self.sel.css(sel.AUTHOR_BOX)
        if not box:
            return []
        before_editor = re.split(r"editor\s*:", box[0].get(), maxsplit=1, flags=re.IGNORECASE)[0]
        part = Selector(text=before_editor, type="html")
        names = [t for t in (_text(" ".join(a.css("::text").getall())) for a in part.css("a")) if t]
        if not names:
            text = _text(" ".join(part.css("::text").getall())) or ""
            text = re.sub(r"^\s*penulis\s*:?\s*", "", text, flags=re.IGNORECASE).strip(" |")
            names = [text] if text else []
        return names

    def authors(self) -> list[str] | None:
        """Writers. The editor is no author: 2020 pages put the editor in JSON-LD ``author``
        while "Penulis" is empty (§1.5, [R1]), so a JSON-LD author equal to the editor is
        believed only when the page also shows it as "Penulis"."""
        visible = self._visible_authors()
        jsonld = _names(self.news_article.get("author"))
        datalayer = [n for n in (_text(self.datalayer.get("penulis")),) if n]
        editor = self.editor()
        if (
            jsonld
            and not visible
            and editor
            and {n.casefold() for n in jsonld} == {editor.casefold()}
        ):
            jsonld = []
        names = _dedupe(_first(jsonld, visible, datalayer) or [])
        return names or None

    def tags(self) -> list[str] | None:
        keywords = self.news_article.get("keywords")
        if isinstance(keywords, str):
            keywords = list(keywords.split(","))
        jsonld = [t for t in (_text(k) for k in keywords or [] if isinstance(k, str)) if t]
        visible: list[str] = []
        for css in sel.TAGS:
            nodes = self.sel.css(css)
            if nodes:
                visible = [
                    t
                    for t in (
                        _text(n.attrib.get("title") or " ".join(n.css("::text").getall()))
                        for n in nodes
                    )
                    if t
                ]
                break
        tags = _dedupe(jsonld or visible)
        return tags or None

    def published_candidates(self) -> list[str]:
        """Raw date strings for the publication date, strongest first."""
        out: list[str] = []
        value = self.news_article.get("datePublished")
        if isinstance(value, str):
            out.append(value)
        out.extend(self.sel.css(sel.META_PUBLISHED).getall())
        out.extend(self.sel.css(sel.DATE_BOX_TIME_ATTR).getall())
        out.extend(self.sel.xpath(sel.TIME_DATETIME_XPATH).getall())
        for css in sel.DATE_BOX_TEXT:
            text = self._css_text((css,))
            if text:
                out.append(_TAYANG.sub("", text))
        if self.datalayer.get("publish_date"):
            out.append(self.datalayer["publish_date"])
        return [c.strip() for c in out if c and c.strip()]

    def published_raw(self) -> str | None:
        """The first candidate that parses as a full date (never a guessed day or zone)."""
        for raw in self.published_candidates():
            if parse_date(raw, self.site.tz) is not None:
                return raw
        return None

    def modified_raw(self) -> str | None:
        value = self.news_article.get("dateModified")
        return _first(
            value if isinstance(value, str) else None, self.sel.css(sel.META_MODIFIED).get()
        )

    def image_url(self) -> str | None:
        image = self.news_article.get("image")
        if isinstance(image, list):
            image = image[0] if image else None
        if isinstance(image, dict):
            image = image.get("url") or image.get("contentUrl")
        img = None
        for css in sel.IMAGE:
            node = self.sel.css(css)
            if node:
                img = node[0].attrib.get("src") or node[0].attrib.get("data-src")
                break
        url = _first(
            image if isinstance(image, str) else None,
            self.sel.css(sel.OG_IMAGE).get(),
            self.sel.css(sel.IMAGE_ZOOM).get(),
            img,
        )
        if not url:
            return None
        return urljoin(self.url, url.strip()).replace("/thumbnails2/", "/images/")

    def image_caption(self) -> str | None:
        caption = self._css_text(sel.IMAGE_CAPTION)
        if caption:
            return caption
        glightbox = self.sel.css(sel.IMAGE_GLIGHTBOX).get()
        if glightbox:
            return _text(re.sub(r"^\s*title\s*:\s*", "", glightbox).rstrip("; "))
        image = self.news_article.get("image")
        if isinstance(image, dict) and isinstance(image.get("caption"), str):
            return _text(image["caption"])
        return None

    def page_count(self) -> int:
        """Pages in the story: "Halaman 1/3" [C1][F5], else the highest ``page=N`` pager link."""
        pages = [1]
        for text in self.sel.css(sel.TOTAL_PAGE).getall():
            m = _TOTAL_PAGE.search(text)
            if m:
                pages.append(int(m.group(1)))
        for css in sel.PAGER_LINKS:
            for href in self.sel.css(css).getall():
                m = _PAGE_PARAM.search(href)
                if m:
                    pages.append(int(m.group(1)))
        for rel in self.sel.css(sel.PAGER_REL).getall():
            m = _REL_PAGE.search(rel)
            if m:
                pages.append(int(m.group(1)))
        return min(max(pages), 50)

    # --- body ---------------------------------------------------------------------------------
    @cached_property
    def body_element(self) -> Any:
        for css in sel.BODY:
            found = self.sel.css(css)
            if found:
                return found[0].root
        return None

    def body_paragraphs(self) -> list[str]:
        """The story's paragraphs with structural boilerplate removed (§2)."""
        root = self.body_element
        if root is None:
            return []
        root = copy.deepcopy(root)
        _strip_structural(root)
        paragraphs: list[str] = []
        _collect_blocks(root, paragraphs)
        return paragraphs


def _is_boilerplate_node(el: Any) -> bool:
    classes = el.get("class")
    if classes:
        words = classes.split()
        if any(w in sel.BODY_DROP_CLASSES for w in words):
            return True
    el_id = el.get("id")
    return bool(el_id and el_id.lower().startswith(sel.BODY_DROP_ID_PREFIXES))


def _strip_structural(root: Any) -> None:
    for el in list(root.iter(*sel.BODY_DROP_TAGS)):
        _drop(el)
    for el in [e for e in root.iter() if isinstance(e.tag, str) and e is not root]:
        if _is_boilerplate_node(el):
            _drop(el)
    # 2018 related links: <p><strong>Baca: <a>…</a></strong></p> (§2, [R3]); text rule catches it.


def _drop(el: Any) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _block_text(el: Any) -> list[str]:
    """Text of a block element; ``<br><br>`` splits it into paragraphs, one ``<br>`` is a line."""
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text = el.text_content()
    return [p for p in (_text_lines(chunk) for chunk in _BREAKS.split(text)) if p]


def _text_lines(chunk: str) -> str:
    lines = (_WS.sub(" ", line).strip() for line in chunk.split("\n"))
    return "\n".join(line for line in lines if line)


def _collect_blocks(el: Any, out: list[str]) -> None:
    """Walk the body: block elements become paragraphs; loose text between them does too."""
    loose: list[str] = []

    def flush() -> None:
        if loose:
            text = "".join(loose)
            out.extend(p for p in (_text_lines(c) for c in _BREAKS.split(text)) if p)
            loose.clear()

    if el.text:
        loose.append(el.text)
    for child in el:
        if not isinstance(child.tag, str):  # comments, processing instructions
            if child.tail:
                loose.append(child.tail)
            continue
        tag = child.tag.lower()
        if tag in sel.BLOCK_TAGS:
            flush()
            out.extend(_block_text(child))
        elif tag in sel.CONTAINER_TAGS and any(
            isinstance(c.tag, str) and c.tag.lower() in sel.BLOCK_TAGS | sel.CONTAINER_TAGS
            for c in child.iter()
            if c is not child
        ):
            flush()
            _collect_blocks(child, out)
        elif tag == "br":
            loose.append("\n")
        else:
            loose.append(
                lxml_html.tostring(child, method="text", encoding="unicode", with_tail=False)
            )
        if child.tail:
            loose.append(child.tail)
    flush()
