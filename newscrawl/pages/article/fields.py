"""The field cascades: for each item field, the sources in order, strongest first.

Each field follows the same cascade (news-please's date cascade): JSON-LD (the
``NewsArticle`` found by ``@type``, also inside ``@graph``), then meta tags, then visible
markup, then the URL. The header date ``li.fbo2.grey.ar`` is the *crawl* date [R1][R4] and is
never read. Which elements are "the markup" comes from the selectors table (``selectors.py``,
per era and per site). Dates, the image and the page count have modules of their own
(``dating.py``, ``media.py``, ``pager.py``); this one holds the text fields.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any
from urllib.parse import urljoin

from newscrawl import urls
from newscrawl.pages.article.body import classes
from newscrawl.pages.article.dating import DateFields
from newscrawl.pages.article.document import all_text
from newscrawl.pages.article.document import first_of as _first
from newscrawl.pages.article.document import node_text as _node_text
from newscrawl.pages.article.media import ImageFields
from newscrawl.pages.article.pager import PagerFields
from newscrawl.pages.article.selectors import xpath
from newscrawl.pages.jsonld import NAME_SPLIT, collapse, unescape

_HALAMAN_SUFFIX = re.compile(r"\s*[-–—|]\s*Halaman\s+(?:\d+|all)\s*$", re.IGNORECASE)
_CONTENT_ID = re.compile(r"""data-content-id=["'](\d+)["']""")
_EDITOR_LABEL = re.compile(r"editor\s*:", re.IGNORECASE)
_EDITOR_PREFIX = re.compile(r"^\s*editor\s*:?\s*", re.IGNORECASE)
_PENULIS_LABEL = re.compile(r"^\s*(?:penulis|reporter)\s*:?\s*", re.IGNORECASE)
_MAX_CREDIT_DEPTH = 50


def _dedupe(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        seen.setdefault(v.casefold(), v)
    return list(seen.values())


def _label_text(label: str) -> Any:
    """Text nodes that contain ``label`` (compiled once per label)."""
    return xpath(f"descendant-or-self::*/text()[contains(., '{label}')]")


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

    def walk(el: Any, depth: int) -> None:
        if depth > _MAX_CREDIT_DEPTH:  # a credit box nested absurdly deep: its plain text
            text(all_text(el))
            return
        text(el.text)
        for child in el:
            if isinstance(child.tag, str):
                if child.tag == "a":
                    name = _node_text(child)
                    if name:
                        (after_links if state["after"] else before_links).append(name)
                elif child.tag not in ("script", "style"):
                    walk(child, depth + 1)
            text(child.tail)

    walk(box, 0)
    return before_links, "".join(before_text), after_links, "".join(after_text)


_ANY_LABEL = re.compile(r"^\s*(?:penulis|editor|reporter|sumber|tayang)\s*:", re.IGNORECASE)


def _names_after_label(box: Any) -> list[str]:
    """Names in the elements after a credit label that stands alone ("Penulis:" / "NAME" /
    "Editor:" / "NAME" on lines of their own), up to the next label."""
    label = collapse(all_text(box)) or ""
    if not _ANY_LABEL.match(label) or _ANY_LABEL.sub("", label).strip(" |"):
        return []
    found: list[str] = []
    for sibling in box.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style"):
            continue
        text = collapse(all_text(sibling)) or ""
        if not text or _ANY_LABEL.match(text) or len(text) > 120:
            break
        links = [t for t in (_node_text(a) for a in sibling.iter("a")) if t]
        found += links or [n for n in (collapse(p) for p in NAME_SPLIT.split(text)) if n]
    return found


class ArticleFields(DateFields, ImageFields, PagerFields):
    """One method per item field, each a cascade over JSON-LD, meta tags, markup and URL
    (dates, image and page count come from their own modules)."""

    # --- sources shared by several fields ----------------------------------------------------
    @cached_property
    def breadcrumb(self) -> list[str]:
        """JSON-LD ``BreadcrumbList`` names, else ``ul.breadcrumb span[itemprop=name]``."""
        found = self.jsonld.breadcrumb()
        if found:
            return found
        for ul in self._markup["ul"]:
            if self.rules.breadcrumb_classes.intersection(classes(ul)):
                return [
                    t
                    for t in (_node_text(s) for s in ul.iter("span") if s.get("itemprop") == "name")
                    if t
                ]
        return []

    # --- URL, title, lead ----------------------------------------------------------------------
    def url_canonical(self) -> str:
        """Page-1 canonical URL; a canonical pointing off the article shapes is not believed."""
        for candidate in (self._head[1], self._meta("og:url"), self.jsonld.page_id()):
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
        lowered = title.lower()
        for name in sorted(names, key=len, reverse=True):
            for sep in (" - ", " – ", " | ", " — "):
                if lowered.endswith((sep + name).lower()):
                    return collapse(_HALAMAN_SUFFIX.sub("", title[: -len(sep + name)]))
        return collapse(title)

    def _visible_title(self) -> str | None:
        return _node_text(self._title_h1) if self._title_h1 is not None else None

    def title(self) -> str | None:
        return self._title

    @cached_property
    def _title(self) -> str | None:
        headline = self.jsonld.text("headline")
        jsonld = collapse(unescape(headline)) if headline else None
        visible = self._visible_title()
        if jsonld and visible and jsonld.endswith(("...", "…")):
            # A headline cut for JSON-LD's length limit: the page's own <h1> is whole.
            cut = jsonld.rstrip(".… ")
            if visible.startswith(cut) and len(visible) > len(cut):
                jsonld = visible
        return self.strip_title_suffix(
            _first(jsonld, visible, collapse(self._meta("og:title")), collapse(self._head[2]))
        )

    def _visible_lead(self) -> str | None:
        hidden = self.rules.hidden_classes
        for tag in self.rules.lead_tags:
            for el in self._markup.get(tag, ()):
                if hidden.intersection(classes(el)):
                    text = _node_text(el)
                    if text:
                        return text
        return None

    def lead(self) -> str | None:
        description = self.jsonld.text("description")
        lead = _first(
            collapse(unescape(description)) if description else None,
            collapse(self._meta("description")),
            self._visible_lead(),
            collapse(self._meta("og:description")),
        )
        return collapse(_HALAMAN_SUFFIX.sub("", lead)) if lead else None

    # --- site, ids, section, topic ---------------------------------------------------------------
    def site_name(self) -> str:
        return collapse(self._meta("og:site_name")) or self.site.name

    def article_id(self) -> str | None:
        found = _first(
            urls.article_id_from_url(self.url),
            collapse(self._meta("android:app_id")),
            self.datalayer.get("idArticle") or None,
        )
        if found:
            return found
        content_id = _CONTENT_ID.search(self.html)
        return content_id.group(1) if content_id else None

    def section(self) -> str | None:
        """The most specific section: ``articleSection``, the last breadcrumb level below
        Home (Home › News › Nasional → "Nasional"), the URL's section, ``dataLayer``."""
        section = self.jsonld.last_text("articleSection")
        title = (self.title() or "").casefold()
        crumbs = [c for c in self.breadcrumb if c.casefold() not in ("home", "beranda", title)]
        url_section = urls.section_from_url(self.url)
        layer = self.datalayer.get("subcategory") or self.datalayer.get("section") or ""
        return _first(
            collapse(section),
            crumbs[-1] if crumbs else None,
            url_section.split("/")[-1].replace("-", " ").title() if url_section else None,
            layer.replace("-", " ").title() or None,
        )

    def topic(self) -> str | None:
        """The topic label above the title: ``h2.red > a`` [R1][C2], ``h4.red a[href*=/topic/]``."""
        box = self._article_box
        topic_classes = self.rules.topic_classes
        banners = self.rules.banner_class_prefixes
        h2s = [
            h
            for h in self._markup["h2"]
            if topic_classes.intersection(classes(h))
            # a campaign banner above the title is no topic (docs/variants.md 8)
            and not any(w.startswith(banners) for a in h.iterancestors() for w in classes(a))
        ]
        if box is not None:
            h2s.sort(key=lambda h: box not in h.iterancestors())  # stable: #article's first
        for h2 in h2s:
            for a in h2.iter("a"):
                text = _node_text(a)
                if text:
                    return text
        marker = self.rules.topic_link_marker
        for h4 in self._markup["h4"]:
            if topic_classes.intersection(classes(h4)):
                for a in h4.iter("a"):
                    if marker in (a.get("href") or ""):
                        text = _node_text(a)
                        if text:
                            return text
        return self.datalayer.get("content_topic") or None

    # --- credits --------------------------------------------------------------------------------
    @cached_property
    def _penulis_box(self) -> Any:
        """``#penulis`` [F1][F3][F4][C1], else a small element whose text starts "Penulis:"
        (m./AMP pages, §1.13: markup unknown)."""
        box = self._by_ids(self.rules.byline_ids)
        if box is not None:
            return box
        label = self.rules.byline_label
        if not label:
            return None
        label_text = _label_text(label)
        body = self.body_element
        # m. pages may carry the byline as the body's first lines (docs/variants.md 4)
        body_top = [el for el in body if isinstance(el.tag, str)][:4] if body is not None else []
        for region in [*self._title_region, *body_top]:
            for node in label_text(region):
                parent = node.getparent()
                if parent is None or parent.tag in ("script", "style"):
                    continue
                if node.is_tail:
                    parent = parent.getparent()
                text = collapse(all_text(parent)) if parent is not None else None
                if text and text.lower().startswith(label.lower()) and len(text) < 200:
                    return parent
        return None

    def editor(self) -> str | None:
        return self._editor

    @cached_property
    def _editor(self) -> str | None:
        found = self.jsonld.names("editor")
        if found:
            return found[0]
        box = self._by_ids(self.rules.editor_ids)
        if box is not None:
            links = [t for t in (_node_text(a) for a in box.iter("a")) if t]
            if links:
                return links[0]
            text = collapse(all_text(box))
            if text:
                return collapse(_EDITOR_PREFIX.sub("", text))
        penulis = self._penulis_box
        if penulis is not None:
            _bl, _bt, after_links, after_text = _credit_parts(penulis)
            name = _first(after_links[0] if after_links else None, collapse(after_text.strip(" |")))
            if name:
                return name
        label = self.rules.editor_label
        regions = self._title_region if label else []
        for region in regions:
            for node in _label_text(label)(region):
                parent = node.getparent()
                if node.is_tail and parent is not None:
                    parent = parent.getparent()
                if parent is None or parent.tag in ("script", "style"):
                    continue
                _bl, _bt, links, text = _credit_parts(parent)
                name = _first(
                    links[0] if links else None,
                    collapse(NAME_SPLIT.split(text.strip(" |:"))[0]),
                    *_names_after_label(parent)[:1],
                )
                if name and len(name) < 80:
                    return name
        return self.datalayer.get("editor") or None

    def _visible_authors(self) -> list[str]:
        """Names in ``#penulis``; the 2025 byline also holds "| Editor: …" in the same box [F1].
        A box that holds only the label "Penulis:" has the names in the elements after it, up
        to the next label (2025 www, docs/variants.md 4)."""
        box = self._penulis_box
        if box is None:
            return []
        links, _text, _al, _at = _credit_parts(box)
        # the whole text before "Editor:", links included ("<a>A</a> dan B": two writers)
        whole = _EDITOR_LABEL.split(collapse(all_text(box)) or "", maxsplit=1)[0]
        whole = _PENULIS_LABEL.sub("", whole).strip(" |")
        found = [n for n in (collapse(p) for p in NAME_SPLIT.split(whole)) if n]
        if links and len(links) >= len(found):
            return links
        return found or _names_after_label(box)

    def authors(self) -> list[str] | None:
        """Writers: every name of the source that names the most of them (JSON-LD ``author``,
        the visible byline, ``dataLayer.penulis``; on a tie in that order). A 2020 page may name
        two writers in its byline or ``dataLayer`` while JSON-LD ``author`` holds one Person
        (docs/variants.md 4). The editor is no author: 2020 pages put the editor in JSON-LD
        ``author`` while "Penulis" is empty (§1.5, [R1]), so a name equal to the editor is
        believed only when the page also shows it as "Penulis"."""
        visible = self._visible_authors()
        jsonld = self.jsonld.names("author")
        penulis = self.datalayer.get("penulis") or ""
        datalayer = [n for n in (collapse(p) for p in NAME_SPLIT.split(penulis)) if n]
        editor = self.editor()
        if editor and not any(n.casefold() == editor.casefold() for n in visible):
            # The editor listed among JSON-LD authors is still the editor, not a writer.
            jsonld = [n for n in jsonld if n.casefold() != editor.casefold()]
            datalayer = [n for n in datalayer if n.casefold() != editor.casefold()]
        brands = {self.site.name.casefold(), self.site.brand.casefold(), "tribunnews.com", "tribunnews",
                  (self._meta("og:site_name") or "").strip().casefold()}  # fmt: skip
        jsonld = [n for n in jsonld if n.casefold() not in brands]
        sources = [_dedupe(s) for s in (jsonld, visible, datalayer)]
        found = max(sources, key=len)  # the first of the longest: JSON-LD wins a tie
        return found or None

    # --- tags -------------------------------------------------------------------------------------
    def _visible_tags(self) -> list[str]:
        """``h5.tagcloud3 a`` [R1][C1][C2], else the table's tag links after the body [F4][F24]."""
        heading = self.rules.tag_heading_classes
        links = [
            a
            for h5 in self._markup["h5"]
            if heading.intersection(classes(h5))
            for a in h5.iter("a")
        ]
        if not links and self.rules.tag_link_xpaths:
            # one union, so links come in document order whichever selector found them
            union = xpath(" | ".join(self.rules.tag_link_xpaths))
            for el in self._after_body:
                if isinstance(el.tag, str):  # not a comment or processing instruction
                    links += union(el)
        return [t for t in (collapse(a.get("title")) or _node_text(a) for a in links) if t]

    def tags(self) -> list[str] | None:
        jsonld = [t for t in (collapse(k) for k in self.jsonld.texts("keywords")) if t]
        tags = _dedupe(self._visible_tags() or jsonld)
        return tags or None
