"""Fuzzing extraction (issue 7): mutated real and replica pages never crash it or stall it.

Each example takes a saved page (the real 2020 solo page, a real 2018 fragment, replica and
hand-made pages of every era), mutates it (tags removed, text cut, characters flipped, lone
surrogates, deep nesting, JSON-LD blocks holding values of every type) and runs the page
object's every field and the crawl's item chain (the one story merge, then the item
pipelines). It must raise nothing but a ``DropItem`` (a counted, logged skip), return text
that is valid Unicode, and take under a second (hypothesis' per-example ``deadline``).

CI runs a few hundred examples, derandomized (the same ones every run). A longer, random run::

    NEWSCRAWL_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz_extraction.py -q
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy.exceptions import DropItem

from newscrawl.pages.article import TribunArticlePage
from newscrawl.pipelines import DedupePipeline
from newscrawl.story import build_story
from tests.goldset import GOLD_DIR, item_pipelines, run_pipelines

_LONG_RUN = os.environ.get("NEWSCRAWL_FUZZ_EXAMPLES")
EXAMPLES = int(_LONG_RUN or 120)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=1000,  # ms per example: extraction must never stall a crawl
    derandomize=not _LONG_RUN,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FETCHED = datetime(2025, 10, 6, 12, 0, tzinfo=UTC)
SEED_CASES = (
    "real-solo-2020-page1",
    "amp-bogor",
    "s2020-makassar-wita",
    "s2024-jateng-3pages",
    "s2026-www-page-all",
    "replica-www-single",
    "replica-papua-variant-photo-text",
    "frag1-2024",
)
REAL_FRAGMENT = Path(__file__).parent / "fixtures" / "real" / "fragment-tribunnews-body-2018-1.html"
_TAG = re.compile(r"<[a-zA-Z/][^<>]{0,200}>")
TEXT_FIELDS = (
    "url_canonical", "title", "lead", "site_name", "article_id", "section", "topic",
    "editor", "published_raw", "modified_raw", "image_url", "image_caption",
)  # fmt: skip
LIST_FIELDS = ("authors", "tags", "body_paragraphs", "published_candidates")
JSONLD_KEYS = (
    "@context", "@type", "@graph", "@id", "headline", "description", "datePublished",
    "dateModified", "author", "editor", "keywords", "articleSection", "image", "url",
    "mainEntityOfPage", "name", "itemListElement", "item", "caption", "contentUrl",
)  # fmt: skip


def _seeds() -> list[tuple[str, str]]:
    seeds = []
    for case in SEED_CASES:
        folder = GOLD_DIR / case
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        seeds.append(((folder / "inputs" / "page1.html").read_text(encoding="utf-8"), meta["url"]))
    fragment = REAL_FRAGMENT.read_text(encoding="utf-8")
    seeds.append((fragment, "https://www.tribunnews.com/nasional/2018/05/09/x"))
    return seeds


SEEDS = _seeds()


@lru_cache(maxsize=1)
def _chain() -> list[Any]:
    """The crawl's item pipelines, once (without dedupe: examples repeat URLs on purpose)."""
    return [p for p in item_pipelines() if not isinstance(p, DedupePipeline)]


# --- JSON values of every type, JSON-LD shaped -----------------------------------------------
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(["NewsArticle", "BreadcrumbList", "Person", "Organization", "#a", ""])
    | st.sampled_from(["2025-10-06T19:26:00+07:00", "https://www.tribunnews.com/", "\ud800"])
)
JSON_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(st.sampled_from(JSONLD_KEYS) | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=30,
)


# Strategies draw small recipes (what to change where) and the test applies them, so that a
# failing example is reported as a short recipe rather than a 100 KB page.
JSONLD_RECIPES = st.one_of(
    st.tuples(
        st.just("article"), st.dictionaries(st.sampled_from(JSONLD_KEYS), JSON_VALUES, max_size=8)
    ),
    st.tuples(st.just("any"), JSON_VALUES),
    st.tuples(
        st.just("broken"),
        JSON_VALUES,
        st.integers(min_value=0, max_value=400),
        st.sampled_from([",", "<!--", "}", "\\ud800", "\x00", ""]),
    ),
    # nested past any recursion limit
    st.tuples(
        st.just("deep"), st.sampled_from(["[", '{"@graph":[', '{"a":']), st.integers(1, 20_000)
    ),
)


def jsonld_script(recipe: tuple[Any, ...]) -> str:
    """A JSON-LD script: a NewsArticle with wrong-typed values, any JSON, broken or deep JSON."""
    kind = recipe[0]
    if kind == "article":
        text = json.dumps({"@type": "NewsArticle", **recipe[1]})
    elif kind == "any":
        text = json.dumps(recipe[1])
    elif kind == "broken":
        text = json.dumps(recipe[1])[: recipe[2]] + recipe[3]
    else:
        text = recipe[1] * recipe[2]
    return f'<script type="application/ld+json">{text}</script>'


_POS = st.integers(min_value=0, max_value=200_000)  # taken modulo the page length
MUTATIONS = st.one_of(
    st.tuples(st.just("drop_tags"), st.lists(st.integers(0, 5_000), max_size=30)),
    st.tuples(st.just("cut"), _POS),
    st.tuples(st.just("flip"), _POS, st.text(min_size=1, max_size=8)),
    st.tuples(
        st.just("nest"),
        _POS,
        st.sampled_from([10, 255, 257, 300, 2047, 2049, 5000]),
        st.sampled_from(["div", "span", "p", "b", "ul"]),
    ),
    st.tuples(st.just("surrogate"), _POS, st.sampled_from(["\ud800", "\udfff", "\udbff"])),
    st.tuples(st.just("jsonld"), _POS, st.booleans(), JSONLD_RECIPES),
)


def mutate(html: str, ops: list[tuple[Any, ...]]) -> str:
    """Apply mutation recipes in order: tags removed, text cut, characters flipped, deep
    nesting, lone surrogates, JSON-LD blocks inserted (in <head> or anywhere)."""
    for op in ops:
        kind = op[0]
        pos = op[1] % (len(html) + 1) if kind != "drop_tags" else 0
        if kind == "drop_tags":
            tags = list(_TAG.finditer(html))
            chosen = {tags[i % len(tags)] for i in op[1]} if tags else set()
            for m in sorted(chosen, key=lambda m: -m.start()):
                html = html[: m.start()] + html[m.end() :]
        elif kind == "cut":
            html = html[:pos]
        elif kind == "flip":
            html = html[:pos] + op[2] + html[pos + len(op[2]) :]
        elif kind == "nest":
            html = html[:pos] + f"<{op[3]}>" * op[2] + "Teks dalam." + html[pos:]
        elif kind == "surrogate":
            html = html[:pos] + op[2] + html[pos:]
        else:
            head = html.find("</head>")
            at = head if head >= 0 and op[2] else pos
            html = html[:at] + jsonld_script(op[3]) + html[at:]
    return html


def _assert_valid_text(value: Any) -> None:
    """Encodes as JSON and as UTF-8: no lone surrogate reaches a hash or a feed."""
    json.dumps(value, ensure_ascii=False).encode("utf-8")


def _extract_everything(html: str, url: str) -> None:
    page = TribunArticlePage(html, url)
    assert isinstance(page.is_article(), bool)
    assert isinstance(page.page_count(), int)
    assert isinstance(page.published_from_fallback(), bool)
    for name in TEXT_FIELDS:
        value = getattr(page, name)()
        assert value is None or isinstance(value, str), name
        _assert_valid_text(value)
    for name in LIST_FIELDS:
        values = getattr(page, name)()
        assert values is None or all(isinstance(v, str) for v in values), name
        _assert_valid_text(values)
    _assert_valid_text(page.breadcrumb)
    try:
        item = run_pipelines(build_story([(html, url)], FETCHED), _chain())
    except DropItem:
        return  # a counted skip (not an article, no date…), which is the pipelines' call
    _assert_valid_text(dataclasses.asdict(item))


@lru_cache(maxsize=len(SEEDS))
def _seed_page(index: int) -> TribunArticlePage:
    return TribunArticlePage(*SEEDS[index])


_SEED_INDEX = st.integers(min_value=0, max_value=len(SEEDS) - 1)


@FUZZ
@given(_SEED_INDEX, st.lists(MUTATIONS, min_size=1, max_size=4))
def test_mutated_pages_extract_without_error(seed: int, ops: list[tuple[Any, ...]]) -> None:
    html, url = SEEDS[seed]
    _extract_everything(mutate(html, ops), url)


@FUZZ
@given(_SEED_INDEX, st.lists(JSONLD_RECIPES, min_size=1, max_size=4))
def test_any_jsonld_keeps_the_pages_own_title(seed: int, recipes: list[tuple[Any, ...]]) -> None:
    """Whatever JSON-LD is added, the page still has a title (from markup at worst) and the
    same body."""
    html, url = SEEDS[seed]
    before = _seed_page(seed)
    head = html.find("</head>")
    at = max(head, 0)
    hostile = html[:at] + "".join(jsonld_script(r) for r in recipes) + html[at:]
    _extract_everything(hostile, url)
    after = TribunArticlePage(hostile, url)
    if before.title() is not None:
        assert after.title() is not None
    assert after.body_paragraphs() == before.body_paragraphs()


@pytest.mark.parametrize(("html", "url"), SEEDS, ids=[*SEED_CASES, "real-fragment-2018"])
def test_seed_pages_extract(html: str, url: str) -> None:
    """The unmutated seeds pass the same checks (the fuzz starts from working pages)."""
    _extract_everything(html, url)
    page = TribunArticlePage(html, url)
    if html.lstrip().startswith("<p>"):  # the bare 2018 body fragment: text, no page around it
        assert "TRIBUNNEWS.COM, DEPOK" in page.html
    else:
        assert page.title()
        assert page.body_paragraphs()
