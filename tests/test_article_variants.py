"""Variants of the real R1 page that a redesign or another replica may bring (found by an
independent replica built from STRUCTURE.md): each must still extract right."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl.extraction import extract_article
from tests.test_real_pages import FETCHED, SOLO_URL, _real

PAGER = (
    f'<div class="mb20"><a class="bgblue white ptb5 plr10 f18" href="{SOLO_URL}?page=2">Halaman '
    f'selanjutnya</a></div><div class=\'paging mb20\'><a href="{SOLO_URL}" id="pagecurrent">1</a>'
    f'<a href="{SOLO_URL}?page=2">2</a><a href="{SOLO_URL}?page=3">3</a></div>'
)
BODY_END = "namun juga keluarga dan orang disekitar,&quot; jelasnya.</p>"


@pytest.fixture(scope="module")
def r1() -> str:
    html = _real("solo-tribunnews-article-2020-10-09.html")
    assert html.count("jelasnya.</p>") == 1
    return html.replace(BODY_END, BODY_END.replace("&quot;", '"'))


def _with_body_end(html: str, extra: str) -> str:
    end = '" jelasnya.</p>'
    return html.replace(end, end + extra)


def test_pager_inside_the_body_is_found_and_not_in_the_text(r1):
    item = extract_article(_with_body_end(r1, PAGER), SOLO_URL, FETCHED)
    assert item.page_count == 3
    assert "Halaman selanjutnya" not in item.body


def test_a_related_storys_page_link_is_not_this_storys_pager(r1):
    related = (
        '<p>Lihat <a href="https://solo.tribunnews.com/2020/10/09/lain?page=5">ini</a> juga.</p>'
    )
    item = extract_article(_with_body_end(r1, related), SOLO_URL, FETCHED)
    assert item.page_count == 2  # R1's own pager says 2


def test_recap_written_as_a_paragraph_and_list_is_dropped(r1):
    recap = (
        "<p><strong>Ringkasan Berita:</strong></p><ul><li>Poin satu.</li><li>Poin dua.</li></ul>"
    )
    html = r1.replace(
        "<p><strong>TRIBUNSOLO.COM, JAKARTA</strong>",
        recap + "<p><strong>TRIBUNSOLO.COM, JAKARTA</strong>",
    )
    item = extract_article(html, SOLO_URL, FETCHED)
    assert item.body.startswith("TRIBUNSOLO.COM, JAKARTA")
    assert "Poin" not in item.body


def test_ad_slots_named_by_class_and_stray_labels_are_dropped(r1):
    extra = (
        '<div class="ads_inside"><p>Advertisement</p></div>'
        '<div class="fbo2 pr10 grey fl">Tags</div><p>Iklan</p>'
    )
    item = extract_article(_with_body_end(r1, extra), SOLO_URL, FETCHED)
    assert item.body.endswith('" jelasnya.')


def test_a_zoned_visible_date_beats_a_disagreeing_zone_less_one(r1):
    # No JSON-LD date; dataLayer written in WIB on a WITA site while the page says WITA.
    html = (
        r1.replace('"datePublished": "2020-10-09T13:52:50+07:00",', "")
        .replace(
            "<time>Jumat, 9 Oktober 2020 13:52</time>",
            "<time>Jumat, 9 Oktober 2020 14:52 WITA</time>",
        )
        .replace("solo.tribunnews.com", "makassar.tribunnews.com")
    )
    url = SOLO_URL.replace("solo.", "makassar.")
    item = extract_article(html, url, datetime(2020, 10, 13, tzinfo=UTC))
    assert item.published_at == "2020-10-09T14:52:00+08:00"


def test_a_zone_less_date_that_agrees_keeps_its_seconds(r1):
    html = r1.replace('"datePublished": "2020-10-09T13:52:50+07:00",', "").replace(
        "<time>Jumat, 9 Oktober 2020 13:52</time>", "<time>Jumat, 9 Oktober 2020 13:52 WIB</time>"
    )
    item = extract_article(html, SOLO_URL, FETCHED)
    assert item.published_at == "2020-10-09T13:52:50+07:00"


def test_a_truncated_jsonld_headline_yields_to_the_whole_h1(r1):
    whole = "Protokol Kesehatan 3M adalah Vaksin Terbaik Cegah Covid-19, Simak Penjelasan Dokter"
    html = r1.replace(
        f'"headline": "{whole}"', '"headline": "Protokol Kesehatan 3M adalah Vaksin Terbaik..."', 1
    )
    assert '"headline": "Protokol Kesehatan 3M adalah Vaksin Terbaik..."' in html
    assert extract_article(html, SOLO_URL, FETCHED).title == whole


def test_the_editor_among_jsonld_authors_is_not_an_author(r1):
    html = r1.replace(
        '"author": {\n          "@type": "Person",\n          "name": "Hanang Yuwono"\n        }',
        '"author": [{"@type": "Person", "name": "Umar Wijaya"}, {"@type": "Person", "name": "Hanang Yuwono"}]',
    )
    assert "Umar Wijaya" in html
    item = extract_article(html, SOLO_URL, FETCHED)
    assert item.authors == ["Umar Wijaya"]
    assert item.editor == "Hanang Yuwono"
