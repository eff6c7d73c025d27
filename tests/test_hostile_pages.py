"""Hostile article pages (issue 7: 7.1, 7.2, 7.11, 7.12) still give their article.

Wrong-typed or huge JSON-LD degrades to the next source (meta tags, markup), deep HTML keeps
its text, and text is valid Unicode whatever the page holds.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from newscrawl.pages.article import TribunArticlePage
from tests.goldset import extract_article

URL = "https://www.tribunnews.com/nasional/2025/10/06/banjir-di-bekasi"
FETCHED = datetime(2025, 10, 6, 14, 0, tzinfo=UTC)
TITLE = "Banjir Melanda Bekasi Sejak Pagi"
LEAD = "Hujan deras sejak pagi membuat Bekasi banjir."
PARAGRAPHS = ["Hujan turun sejak subuh di Bekasi.", "Warga mengungsi ke masjid terdekat."]


def page_html(*jsonld: str, body: str | None = None, head: str = "") -> str:
    """A 2025-era article page: meta tags and markup carry every field; JSON-LD blocks as
    given (raw text, so any JSON or non-JSON can be tried)."""
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in jsonld)
    if body is None:
        body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<html><head><title>{TITLE} - Tribunnews.com</title>
<meta property="og:title" content="{TITLE}"><meta name="description" content="{LEAD}">
<meta property="article:published_time" content="2025-10-06T13:20:00+07:00">
<meta name="keywords" content="banjir"><link rel="canonical" href="{URL}">{head}{scripts}
</head><body><div id="article"><h1 id="arttitle">{TITLE}</h1>
<div id="penulis">Penulis: <a href="/penulis/ani">Ani Lestari</a></div>
<div id="article_con"><div class="side-article txt-article">{body}</div></div>
<h5 class="tagcloud3"><a href="/tag/banjir">Banjir</a></h5></div></body></html>"""


def news_article(**fields: Any) -> str:
    return json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", **fields})


def assert_whole_article(html: str) -> Any:
    """The item has its title, body and date from whichever source survived."""
    item = extract_article(html, URL, FETCHED)
    assert item.title == TITLE
    assert item.body == "\n\n".join(PARAGRAPHS)
    assert item.published_at == "2025-10-06T13:20:00+07:00"
    assert item.url == URL
    return item


# --- 7.1: JSON-LD of any type never drops the article ------------------------------------------
def test_breadcrumb_item_given_as_a_url_string():
    crumbs = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "item": "https://www.tribunnews.com/"},
                {"@type": "ListItem", "position": 2, "item": "https://www.tribunnews.com/nasional"},
            ],
        }
    )
    item = assert_whole_article(page_html(news_article(headline=TITLE), crumbs))
    assert item.section == "Nasional"  # from the URL, the next source


def test_keywords_given_as_a_number():
    item = assert_whole_article(page_html(news_article(headline=TITLE, keywords=12345)))
    assert item.tags == ["Banjir"]


def test_type_given_as_an_object():
    assert_whole_article(page_html(json.dumps({"@type": {}, "headline": "x"}), news_article()))


def test_main_entity_id_given_as_a_number():
    html = page_html(news_article(headline=TITLE, mainEntityOfPage={"@id": 12345}))
    html = html.replace(f'<link rel="canonical" href="{URL}">', "")
    assert_whole_article(html)


def test_a_block_nested_100k_deep_does_not_hide_the_good_one():
    deep = "[" * 100_000 + "]" * 100_000
    item = assert_whole_article(page_html(deep, news_article(headline=TITLE, author="Budi")))
    assert item.authors == ["Budi"]


WEIRD_VALUES: list[Any] = [
    None,
    True,
    0,
    12345,
    -1.5,
    "",
    "   ",
    [],
    {},
    [None, 1, {}],
    [[["x"]]],
    {"@id": {}},
    {"@id": [1]},
    {"name": {"x": 1}},
    {"url": {"x": 1}, "caption": 5},
    {"@type": {}, "name": 7},
    {"@type": [{}], "name": "A"},
]
KEYS = [
    "@type", "@graph", "@id", "headline", "description", "datePublished", "dateModified",
    "author", "editor", "keywords", "articleSection", "image", "mainEntityOfPage", "name",
    "itemListElement",
]  # fmt: skip


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("value", WEIRD_VALUES, ids=repr)
def test_any_jsonld_value_degrades_to_the_next_source(key, value):
    article = {"@context": "https://schema.org", "@type": "NewsArticle", key: value}
    if key == "@type":
        article["@type"] = value
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [{"item": value, "name": value}]}
    html = page_html(json.dumps(article), json.dumps(crumbs), json.dumps([value, {key: value}]))
    item = assert_whole_article(html)
    assert item.authors == ["Ani Lestari"] or key in ("author",)


# --- 7.2: traversal is linear and bounded ------------------------------------------------------
def test_a_huge_graph_is_read_within_the_node_limit():
    from newscrawl.pages import jsonld

    nodes = [{"@type": "Thing", "@id": f"#n{i}", "name": f"n{i}"} for i in range(60_000)]
    graph = json.dumps({"@context": "https://schema.org", "@graph": nodes})
    page = TribunArticlePage(page_html(graph, news_article(headline=TITLE)), URL)
    assert len(page.jsonld_nodes) <= jsonld.MAX_NODES
    assert page.title() == TITLE  # the markup still gives it


def test_graph_nesting_is_read_to_a_bounded_depth():
    from newscrawl.pages import jsonld

    inner = json.dumps({"@type": "NewsArticle", "headline": "Terlalu Dalam"})
    deep = '{"@graph": [' * 400 + inner + "]}" * 400
    page = TribunArticlePage(page_html(deep), URL)
    assert len(page.jsonld_nodes) <= jsonld.MAX_DEPTH + 1
    assert page.title() == TITLE  # the headline too deep to reach: the <h1>


def test_many_author_references_are_resolved_once_each():
    people = [{"@type": "Person", "@id": f"#p{i}", "name": f"Penulis {i}"} for i in range(5000)]
    article = {"@type": "NewsArticle", "headline": TITLE, "author": [{"@id": "#p1"}] * 5000}
    graph = json.dumps({"@graph": [article, *people]})
    page = TribunArticlePage(page_html(graph), URL)
    assert page.authors() == ["Penulis 1"]


# --- 7.11: HTML deeper than libxml2's default limit -----------------------------------------
def test_a_paragraph_after_300_nested_divs_is_kept():
    nested = "<div>" * 300 + "<p>Di dalam sekali.</p>" + "</div>" * 300
    body = f"<p>{PARAGRAPHS[0]}</p>{nested}<p>{PARAGRAPHS[1]}</p>"
    item = extract_article(page_html(body=body), URL, FETCHED)
    assert item.body == "\n\n".join([PARAGRAPHS[0], "Di dalam sekali.", PARAGRAPHS[1]])
    assert item.is_partial is False
    assert TribunArticlePage(page_html(body=body), URL).truncated is False


def test_a_page_deeper_than_the_parser_bound_is_flagged():
    nested = "<div>" * 5000 + "<p>Terlalu dalam.</p>" + "</div>" * 5000
    body = f"<p>{PARAGRAPHS[0]}</p>{nested}<p>{PARAGRAPHS[1]}</p>"
    page = TribunArticlePage(page_html(body=body), URL)
    assert page.truncated is True
    assert page.title() == TITLE
    assert page.body_paragraphs()[0] == PARAGRAPHS[0]


# --- 7.12: lone surrogates ----------------------------------------------------------------------
def _assert_valid_text(item: Any) -> None:
    data = dataclasses.asdict(item)
    text = json.dumps(data, ensure_ascii=False)
    text.encode("utf-8")  # raises on a lone surrogate
    json.dumps(data).encode("utf-8")


def test_a_lone_surrogate_in_jsonld_keeps_the_article():
    raw = news_article(headline="Banjir \\ud800 Bekasi", author="Ani \\udfff Lestari")
    html = page_html(raw.replace("\\\\", "\\"))
    item = extract_article(html, URL, FETCHED)
    _assert_valid_text(item)
    assert item.title == "Banjir \ufffd Bekasi"
    assert item.authors == ["Ani \ufffd Lestari"]
    assert item.body == "\n\n".join(PARAGRAPHS)


def test_a_lone_surrogate_in_the_markup_keeps_the_text_after_it():
    body = "<p>Hujan turun \ud800 sejak subuh di Bekasi.</p>"
    item = extract_article(page_html(body=body), URL, FETCHED)
    _assert_valid_text(item)
    assert item.body == "Hujan turun \ufffd sejak subuh di Bekasi."


def test_a_valid_surrogate_pair_escape_is_kept():
    raw = news_article(headline="Banjir \\ud83c\\udf0a Bekasi").replace("\\\\", "\\")
    item = extract_article(page_html(raw), URL, FETCHED)
    assert item.title == "Banjir \U0001f30a Bekasi"


# --- found by tests/test_fuzz_extraction.py ----------------------------------------------------
def test_a_comment_after_the_body_is_not_read_as_a_block():
    """The blocks after the body (pager, tags) may be comments; tags are still read."""
    html = page_html().replace(
        '</div></div>\n<h5 class="tagcloud3"><a href="/tag/banjir">Banjir</a></h5>',
        '</div><!-- iklan --><div itemprop="keywords"><a href="/tag/air">Air</a></div></div>',
    )
    assert "<!-- iklan -->" in html
    assert TribunArticlePage(html, URL).tags() == ["Air"]


def test_a_page_deeper_than_the_parser_bound_gives_a_partial_item():
    nested = "<div>" * 5000 + "<p>Terlalu dalam.</p>" + "</div>" * 5000
    body = f"<p>{PARAGRAPHS[0]}</p>{nested}<p>{PARAGRAPHS[1]}</p>"
    item = extract_article(page_html(body=body), URL, FETCHED)
    assert item.is_partial is True
    assert item.body is not None
    assert item.body.startswith(PARAGRAPHS[0])
