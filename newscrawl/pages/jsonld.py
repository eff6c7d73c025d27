"""JSON-LD of a page: parse and repair the blocks, find the article node, read typed values.

Tribun pages carry one or more ``<script type="application/ld+json">`` blocks (§1.11): a
``NewsArticle`` (sometimes inside ``@graph``, sometimes with ``{"@id": …}`` references) and a
``BreadcrumbList``. Blocks are often sloppy JSON (raw control characters, trailing commas,
HTML comments [C1]); they are repaired once, and a block that stays broken is skipped
without hiding the others.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any

ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
     "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle"}
)  # fmt: skip
_BREADCRUMB_TYPES = frozenset({"BreadcrumbList"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# A surrogate escape: a high one with its low partner is a valid pair, anything else is lone.
_SURROGATE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?:\\u[dD][c-fC-F][0-9a-fA-F]{2})?|\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
NAME_SPLIT = re.compile(r"\s*(?:,|\||\s&\s|\sdan\s)\s*")
# strict=False: raw control characters [C1]. One decoder for every block (json.loads with an
# argument builds a new one, scanner included, per call).
_DECODER = json.JSONDecoder(strict=False)

MAX_NODES = 5_000
"""Nodes read per page: real pages hold fewer than 20; a huge ``@graph`` is cut here (7.2)."""
MAX_DEPTH = 20
"""Levels of lists and ``@graph`` containers followed below a block's top."""
_MAX_NAME_DEPTH = 4
_MAX_NAMES = 100


def collapse(value: str | None) -> str | None:
    """Whitespace-collapsed text, or None when empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def unescape(value: str) -> str:
    """JSON-LD text sometimes carries HTML entities ("&quot;", "&amp;"): decode them."""
    return html_lib.unescape(value) if "&" in value else value


def _pair_or_replacement(m: re.Match[str]) -> str:
    return m.group(0) if len(m.group(0)) == 12 else "\\ufffd"


def _loads(text: str) -> Any:
    if "\\u" in text and ("\\ud" in text or "\\uD" in text):
        # "\ud800" alone decodes to a lone surrogate, which no UTF-8 file can hold (7.12).
        text = _SURROGATE_ESCAPE.sub(_pair_or_replacement, text)
    return _DECODER.decode(text)


def load_json(raw: str) -> Any:
    """Parse a JSON-LD block; retry without control characters, then also without trailing
    commas and HTML comments. None for a block that stays broken or nests too deep to parse
    (RecursionError), so that one bad block never hides the others."""
    text = raw
    for attempt in range(3):
        if attempt == 1:
            text = _CONTROL.sub(" ", raw).strip()
        elif attempt == 2:
            text = _TRAILING_COMMA.sub(r"\1", text.replace("<!--", "").replace("-->", ""))
        try:
            return _loads(text)
        except (ValueError, RecursionError):
            continue
    return None


def types(node: dict[str, Any]) -> tuple[str, ...]:
    """The node's ``@type`` names (a name or a list of names; anything else names none)."""
    t = node.get("@type")
    if isinstance(t, str):
        return (t,)
    if isinstance(t, list):
        return tuple(x for x in t if isinstance(x, str))
    return ()


def has_type(node: dict[str, Any], wanted: frozenset[str]) -> bool:
    """True when one of the node's ``@type`` names is in ``wanted``."""
    return any(t in wanted for t in types(node))


def walk(data: Any, limit: int = MAX_NODES) -> list[dict[str, Any]]:
    """Every JSON-LD node in document order, flattening lists and ``@graph`` containers, at
    most ``limit`` nodes and :data:`MAX_DEPTH` levels (a stack: linear in what it reads)."""
    out: list[dict[str, Any]] = []
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack and len(out) < limit:
        node, depth = stack.pop()
        if isinstance(node, list):
            if depth < MAX_DEPTH:
                items = node[: limit - len(out)]
                stack.extend((item, depth + 1) for item in reversed(items))
        elif isinstance(node, dict):
            out.append(node)
            graph = node.get("@graph")
            if isinstance(graph, list) and depth < MAX_DEPTH:
                stack.append((graph, depth + 1))
    return out


def names(value: Any, depth: int = 0) -> list[str]:
    """Person names from a JSON-LD author/editor value (dict, list, or string); an
    ``Organization`` names no person."""
    if depth > _MAX_NAME_DEPTH:
        return []
    if isinstance(value, list):
        return [n for v in value[:_MAX_NAMES] for n in names(v, depth + 1)]
    if isinstance(value, dict):
        if "Organization" in types(value):
            return []
        name = value.get("name")
        return names(name, depth + 1) if isinstance(name, str) else []
    if isinstance(value, str):
        if "&" in value:
            value = html_lib.unescape(value)
        return [n for n in (collapse(p) for p in NAME_SPLIT.split(value)) if n]
    return []


class JsonLd:
    """The JSON-LD blocks of one page, parsed lazily, with typed accessors that never raise:
    a value of the wrong type reads as missing, so the cascade moves to its next source."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)

    @cached_property
    def nodes(self) -> list[dict[str, Any]]:
        """Every node of every block that parses, in document order, at most MAX_NODES."""
        nodes: list[dict[str, Any]] = []
        for raw in self._texts:
            data = load_json(raw)  # None: a broken block, which must not hide the others
            if data is not None:
                nodes.extend(walk(data, MAX_NODES - len(nodes)))
            if len(nodes) >= MAX_NODES:
                break
        return nodes

    @cached_property
    def article(self) -> dict[str, Any]:
        """The first node typed as an article (``NewsArticle`` and kin), else ``{}``."""
        for node in self.nodes:
            if has_type(node, ARTICLE_TYPES):
                return node
        return {}

    @cached_property
    def _named_by_id(self) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for node in self.nodes:
            node_id = node.get("@id")
            if isinstance(node_id, str) and "name" in node:
                found.setdefault(node_id, node)
        return found

    def by_id(self, node_id: object) -> dict[str, Any] | None:
        """The first named node whose ``@id`` is ``node_id``."""
        return self._named_by_id.get(node_id) if isinstance(node_id, str) else None

    def _resolve(self, value: Any) -> Any:
        if isinstance(value, dict) and "@id" in value and "name" not in value:
            return self.by_id(value["@id"]) or value
        return value

    def value(self, key: str) -> Any:
        """``article[key]``, with ``{"@id": …}`` references resolved inside the graph."""
        value = self.article.get(key)
        if isinstance(value, list):
            return [self._resolve(v) for v in value[:_MAX_NAMES]]
        return self._resolve(value)

    def text(self, key: str) -> str | None:
        """``article[key]`` when it is a string."""
        value = self.article.get(key)
        return value if isinstance(value, str) else None

    def texts(self, key: str) -> list[str]:
        """``article[key]`` as strings: a comma-separated string or a list's strings."""
        value = self.article.get(key)
        if isinstance(value, str):
            return value.split(",")
        if isinstance(value, list):
            return [v for v in value if isinstance(v, str)]
        return []

    def last_text(self, key: str) -> str | None:
        """``article[key]``, or the last item of a list (the most specific section)."""
        value = self.article.get(key)
        if isinstance(value, list):
            value = value[-1] if value else None
        return value if isinstance(value, str) else None

    def names(self, key: str) -> list[str]:
        """Person names under ``article[key]`` (references resolved)."""
        return names(self.value(key))

    def page_id(self) -> str | None:
        """``mainEntityOfPage``: its ``@id``, or the URL given as a plain string."""
        main = self.article.get("mainEntityOfPage")
        if isinstance(main, dict):
            main = main.get("@id")
        return main if isinstance(main, str) else None

    def _image(self) -> Any:
        image = self.article.get("image")
        if isinstance(image, list):
            image = image[0] if image else None
        return image

    def image_url(self) -> str | None:
        """``image`` as a URL string, an ``ImageObject``'s ``url``/``contentUrl``, or a list's
        first."""
        image = self._image()
        if isinstance(image, dict):
            url = image.get("url")
            image = url if isinstance(url, str) and url else image.get("contentUrl")
        return image if isinstance(image, str) else None

    def image_caption(self) -> str | None:
        image = self.article.get("image")
        caption = image.get("caption") if isinstance(image, dict) else None
        return caption if isinstance(caption, str) else None

    def breadcrumb(self) -> list[str]:
        """The names of the first ``BreadcrumbList`` that has any, top level first; an
        ``item`` given as a plain URL string names nothing."""
        for node in self.nodes:
            if has_type(node, _BREADCRUMB_TYPES):
                items = node.get("itemListElement")
                found: list[str] = []
                for it in items[:_MAX_NAMES] if isinstance(items, list) else []:
                    if not isinstance(it, dict):
                        continue
                    name = it.get("name")
                    item = it.get("item")
                    if not name and isinstance(item, dict):
                        name = item.get("name")
                    text = collapse(name) if isinstance(name, str) else None
                    if text:
                        found.append(text)
                if found:
                    return found
        return []
