"""JSON-LD accessors (``newscrawl.pages.jsonld``): any JSON reads as a value or as missing."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.pages import jsonld

KEYS = ("@type", "@graph", "@id", "headline", "datePublished", "author", "editor", "keywords",
        "articleSection", "image", "mainEntityOfPage", "name", "itemListElement", "item", "url",
        "caption", "contentUrl")  # fmt: skip
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["NewsArticle", "BreadcrumbList", "Organization", "#a"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=25,
)


def _is_str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.lists(JSON, min_size=1, max_size=3), st.dictionaries(st.sampled_from(KEYS), JSON))
def test_accessors_never_raise_and_return_their_type(blocks, article):
    texts = [json.dumps(b) for b in blocks] + [json.dumps({"@type": "NewsArticle", **article})]
    ld = jsonld.JsonLd(texts)
    assert all(isinstance(n, dict) for n in ld.nodes)
    assert len(ld.nodes) <= jsonld.MAX_NODES
    for key in KEYS:
        assert _is_str_or_none(ld.text(key))
        assert _is_str_or_none(ld.last_text(key))
        assert all(isinstance(t, str) for t in ld.texts(key))
        assert all(isinstance(n, str) for n in ld.names(key))
    for value in (ld.page_id(), ld.image_url(), ld.image_caption()):
        assert _is_str_or_none(value)
    assert all(isinstance(n, str) for n in ld.breadcrumb())


def test_typed_values_are_read():
    article = {
        "@type": ["NewsArticle"],
        "headline": "Judul",
        "keywords": "banjir, bekasi",
        "articleSection": ["News", "Nasional"],
        "mainEntityOfPage": "https://www.tribunnews.com/x",
        "image": [{"url": "https://img/1.jpg", "caption": "Foto"}],
        "author": [{"@id": "#p"}, {"@type": "Organization", "name": "Tribun"}],
    }
    ld = jsonld.JsonLd([json.dumps({"@graph": [article, {"@id": "#p", "name": "Ani"}]})])
    assert ld.text("headline") == "Judul"
    assert ld.texts("keywords") == ["banjir", " bekasi"]
    assert ld.last_text("articleSection") == "Nasional"
    assert ld.page_id() == "https://www.tribunnews.com/x"
    assert ld.image_url() == "https://img/1.jpg"
    assert ld.names("author") == ["Ani"]


def test_wrong_types_read_as_missing():
    article = {"@type": {}, "headline": 5}
    typed = {"@type": "NewsArticle", "headline": ["x"], "keywords": 12345, "image": {"url": {}}}
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [{"item": "https://x/"}]}
    ld = jsonld.JsonLd([json.dumps(article), json.dumps(typed), json.dumps(crumbs)])
    assert ld.article is ld.nodes[1]  # an object as @type names no type
    assert ld.text("headline") is None
    assert ld.texts("keywords") == []
    assert ld.image_url() is None
    assert ld.breadcrumb() == []


def test_lone_surrogate_escapes_become_replacement_characters():
    ld = jsonld.JsonLd(['{"@type": "NewsArticle", "headline": "a\\ud800b \\ud83c\\udf0a"}'])
    assert ld.text("headline") == "a\ufffdb \U0001f30a"


def test_a_block_too_deep_to_parse_is_skipped_not_fatal():
    ld = jsonld.JsonLd(["[" * 100_000, '{"@type": "NewsArticle", "headline": "Ada"}'])
    assert ld.text("headline") == "Ada"
