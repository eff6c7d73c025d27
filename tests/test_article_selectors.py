"""The article selectors table: per-site overrides change what is read, not the cascades."""

import pytest

from newscrawl.pages.article import TribunArticlePage
from newscrawl.pages.article import selectors as article_selectors

KALTARA_URL = "https://kaltara.tribunnews.com/2025/10/06/banjir-di-tarakan"
SOLO_URL = "https://solo.tribunnews.com/2025/10/06/banjir-di-solo"
# A site whose byline box is div#reporter, not #penulis: the default table cannot see it.
PAGE = """<html><head><title>Banjir di Tarakan</title></head><body>
<div id="article"><h1 id="arttitle">Banjir di Tarakan</h1>
<div id="reporter">Laporan <a href="/penulis/ani">Ani Lestari</a></div>
<div id="article_con"><div class="side-article txt-article">
<p>Banjir melanda Tarakan sejak pagi.</p></div></div></div></body></html>"""


@pytest.fixture
def reporter_override(monkeypatch):
    monkeypatch.setitem(article_selectors.SITE_OVERRIDES, "kaltara", {"byline_ids": ("reporter",)})


def test_default_table_misses_a_byline_outside_penulis():
    assert TribunArticlePage(PAGE, KALTARA_URL).authors() is None


@pytest.mark.usefixtures("reporter_override")
def test_site_override_row_moves_the_byline():
    page = TribunArticlePage(PAGE, KALTARA_URL)
    assert page.authors() == ["Ani Lestari"]
    assert page.title() == "Banjir di Tarakan"
    assert page.body_paragraphs() == ["Banjir melanda Tarakan sejak pagi."]


@pytest.mark.usefixtures("reporter_override")
def test_site_override_touches_only_its_site():
    assert TribunArticlePage(PAGE, SOLO_URL).authors() is None
    assert article_selectors.selectors_for("solo") is article_selectors.DEFAULT
    assert article_selectors.selectors_for("kaltara").byline_ids == ("reporter",)


def test_default_joins_every_era_table():
    """Each era's selectors are read on every page: a 2025 counter and a 2020 byline box."""
    default = article_selectors.DEFAULT
    assert "total-page" in default.total_page_classes  # 2025–2026 table
    assert "penulis" in default.byline_ids  # every-era table
    assert any("rd2" in x for x in default.tag_link_xpaths)  # theme23 table
