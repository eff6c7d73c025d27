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
NAME_SPLIT = re.compile(r"\s*(?:,|\||\s&\s|\sdan\s)\s*")


def collapse(value: str | None) -> str | None:
    """Whitespace-collapsed text, or None when empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def unescape(value: str) -> str:
    """JSON-LD text sometimes carries HTML entities ("&quot;", "&amp;"): decode them."""
    return html_lib.unescape(value) if "&" in value else value


def load_json(raw: str) -> Any:
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


def has_type(node: dict[str, Any], types: frozenset[str]) -> bool:
    """True when the node's ``@type`` (a name or a list of names) is one of ``types``."""
    t = node.get("@type")
    if isinstance(t, list):
        return any(x in types for x in t)
    return t in types


def walk(data: Any) -> list[dict[str, Any]]:
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


def names(value: Any) -> list[str]:
    """Person names from a JSON-LD author/editor value (dict, list, or string)."""
    if isinstance(value, list):
        return [n for v in value for n in names(v)]
    if isinstance(value, dict):
        if value.get("@type") == "Organization":
            return []
        name = value.get("name")
        return names(name) if isinstance(name, str) else []
    if isinstance(value, str):
        if "&" in value:
            value = html_lib.unescape(value)
        return [n for n in (collapse(p) for p in NAME_SPLIT.split(value)) if n]
    return []


class JsonLd:
    """The JSON-LD blocks of one page, parsed lazily, with the accessors the cascades use."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)

    @cached_property
    def nodes(self) -> list[dict[str, Any]]:
        """Every node of every block that parses, in document order."""
        nodes: list[dict[str, Any]] = []
        for raw in self._texts:
            try:  # strict=False: raw control characters inside strings are common [C1]
                data = json.loads(raw, strict=False)
            except ValueError:
                data = load_json(raw)  # sloppy JSON-LD, repaired; None: a broken block
            if data is not None:  # must not hide the others
                nodes.extend(walk(data))
        return nodes

    @cached_property
    def article(self) -> dict[str, Any]:
        """The first node typed as an article (``NewsArticle`` and kin), else ``{}``."""
        for node in self.nodes:
            if has_type(node, ARTICLE_TYPES):
                return node
        return {}

    def value(self, key: str) -> Any:
        """``article[key]``, with ``{"@id": …}`` references resolved inside the graph."""
        value = self.article.get(key)
        if isinstance(value, dict) and "@id" in value and "name" not in value:
            value = self.by_id(value["@id"]) or value
        elif isinstance(value, list):
            value = [
                (self.by_id(v["@id"]) or v)
                if isinstance(v, dict) and "@id" in v and "name" not in v
                else v
                for v in value
            ]
        return value

    def by_id(self, node_id: object) -> dict[str, Any] | None:
        """The named node whose ``@id`` is ``node_id``."""
        for node in self.nodes:
            if node.get("@id") == node_id and "name" in node:
                return node
        return None

    def breadcrumb(self) -> list[str]:
        """The names of the first ``BreadcrumbList`` that has any, top level first."""
        for node in self.nodes:
            if has_type(node, _BREADCRUMB_TYPES):
                items = node.get("itemListElement") or []
                found = []
                for it in items if isinstance(items, list) else []:
                    if isinstance(it, dict):
                        name = it.get("name") or (it.get("item") or {}).get("name")
                        if isinstance(name, str) and collapse(name):
                            found.append(collapse(name))
                if found:
                    return [n for n in found if n]
        return []
