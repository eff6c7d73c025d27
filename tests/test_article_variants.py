"""Variants of the real R1 page that a redesign or another replica may bring (found by an
independent replica built from STRUCTURE.md): each must still extract right."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl.boilerplate import (
    CopyFooter,
    clean_paragraphs,
    copy_footer,
    is_photo_line,
    parse_copy_footer,
    repair_dateline,
)
from tests.goldset import extract_article
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


# --- issue 10: text-level variants (newscrawl/boilerplate.py, docs/variants.md) ---------------

STORY = ["TRIBUNJATENG.COM, SEMARANG - Isi pertama.", "Isi kedua."]


def _clean(paragraphs: list[str]) -> list[str]:
    return clean_paragraphs(paragraphs)[0]


@pytest.mark.parametrize(
    "footer",
    [
        # variant 1: mobile wording inside the body, no link
        ["Berita ini telah tayang di Tribunjateng.com dengan judul Banjir Rob Genangi Semarang"],
        # R3 markup: linked site, title, URL, credits on their own lines
        [
            (
                "Artikel ini telah tayang di Tribunnews.com dengan judul Banjir Rob, "
                "http://www.tribunnews.com/regional/2018/05/13/banjir-rob.\nPenulis: A B\nEditor: C D"
            )
        ],
        # a linked title followed by the one-line credit in the next paragraph
        [
            "Artikel ini telah tayang di TribunJateng.com dengan judul Banjir Rob Genangi Semarang",
            "Penulis: Iwan Arifianto | Editor: Catur Waskito Edy",
        ],
        ["Artikel ini sudah tayang di suryamalang.com dengan judul: “Banjir Rob”"],
    ],
)
def test_copy_footer_wordings_end_the_story(footer):
    assert _clean([*STORY, *footer]) == STORY


def test_copy_footer_is_parsed_into_site_url_and_title():
    assert parse_copy_footer(
        "Artikel ini telah tayang di Tribunnews.com dengan judul BREAKING NEWS: 5 Polisi Tewas, "
        "http://www.tribunnews.com/nasional/2018/05/09/breaking-news.\nPenulis: A\nEditor: B"
    ) == CopyFooter(
        "Tribunnews.com", "http://www.tribunnews.com/nasional/2018/05/09/breaking-news",
        "BREAKING NEWS: 5 Polisi Tewas",
    )  # fmt: skip
    found = copy_footer(
        [*STORY, "Berita ini telah tayang di Tribunjateng.com dengan judul Banjir Rob",
         "Penulis: Iwan Arifianto | Editor: Catur Waskito Edy"]
    )  # fmt: skip
    assert found == CopyFooter("Tribunjateng.com", None, "Banjir Rob")
    assert copy_footer(STORY) is None
    # prose about a broadcast is no footer
    assert parse_copy_footer("Berita ini telah tayang di televisi nasional kemarin.") is None


@pytest.mark.parametrize(
    "line",
    [
        "Selengkapnya : Warga Semarang Keluhkan Banjir",  # variant 2
        "Baca Selengkapnya >>> Warga Semarang Keluhkan Banjir",
        "• 7 Kuliner Malam di Semarang yang Wajib Dicoba",  # travel bullets
        "Berita Rekomendasi",  # mobile block heading
        "Baca: Puluhan Orang Datangi RS Polri",  # variant 10, 2018 / 2020 mobile
        "Baca juga: Banjir Rob Genangi Pantura",  # 2021+
        "BACA JUGA : Banjir Rob",
        "zoom-in Banjir Rob Genangi Semarang",  # variant 3
        "lihat foto",
        "TRIBUN JATENG/TRIBUN JATENG/HERMAWAN HANDAKA",
        "Tribun Jateng/Hermawan Handaka",
        "Kolase tribunnews",
        "BERITA POPULER INTERNASIONAL - Presiden Rusia bertemu Kim Jong Un, Minggu (13/10/2024).",
        "Penulis: Iwan Arifianto | Editor: Catur Waskito Edy",  # variant 4
        "Nikmati berita interaktif dan LIVE report 24 jam hanya di TribunJateng",  # variant 9
    ],
)
def test_variant_boilerplate_lines_are_dropped(line):
    assert _clean([STORY[0], line, STORY[1]]) == STORY


@pytest.mark.parametrize(
    "prose",
    [
        "Selengkapnya, polisi menjelaskan kronologi kejadian itu kepada wartawan.",
        "Selengkapnya dapat dilihat di laman resmi pemerintah kota.",
        "Tim SAR gabungan menyisir sungai/kali di sekitar lokasi sejak pagi.",
        "(Tribunnews.com/Indah Aprilin Cahyani)",  # end credit: text
        "Baca Al Quran bersama menjadi tradisi warga setiap malam Jumat.",
        "Medium bisnis ini tumbuh pesat, kata dia.",
    ],
)
def test_prose_that_only_looks_like_boilerplate_is_kept(prose):
    assert _clean([STORY[0], prose, STORY[1]]) == [STORY[0], prose, STORY[1]]


@pytest.mark.parametrize(
    "dateline",
    [
        "TRIBUNNEWS.COM, JAKARTA - Presiden bicara.",
        "TRIBUNSOLO.COM, JAKARTA --Hingga kini.",
        "TRIBUN-TIMUR.COM, MAKASSAR – Warga berkumpul.",
        "TRIBUNNEWS.COM - Presiden bicara.",
    ],
)
def test_an_upper_case_dateline_is_no_caption_label(dateline):
    assert not is_photo_line(dateline)
    assert _clean([dateline]) == [dateline]


def test_byline_with_names_on_their_own_lines_is_dropped():
    body = [STORY[0], "Penulis:", "Muhammad Fadhly Ali", "Editor:", "Sakinah Sudin", STORY[1]]
    assert _clean(body) == STORY
    # a label alone is followed by a story sentence: the sentence stays
    assert _clean([STORY[0], "Editor:", "Warga berkumpul di balai desa sejak pagi."]) == [
        STORY[0],
        "Warga berkumpul di balai desa sejak pagi.",
    ]


@pytest.mark.parametrize(
    ("garbled", "clean"),
    [
        ("TRIBUNNEWS.COMÂ - Presiden bicara.", "TRIBUNNEWS.COM - Presiden bicara."),
        ("TRIBUNNEWS.COM Ā- Presiden bicara.", "TRIBUNNEWS.COM - Presiden bicara."),
        ("TRIBUNNEWS.COM Â\u00a0- Presiden bicara.", "TRIBUNNEWS.COM - Presiden bicara."),
        ("TRIBUNNEWS.COM, JAKARTAÂ - Presiden.", "TRIBUNNEWS.COM, JAKARTA - Presiden."),
        ("TRIBUNNEWS.COM -Â Presiden.", "TRIBUNNEWS.COM - Presiden."),
        ("TRIBUNNEWS.COM â€“ Presiden.", "TRIBUNNEWS.COM – Presiden."),
    ],
)
def test_mojibake_in_a_dateline_is_repaired(garbled, clean):
    assert _clean([garbled]) == [clean]
    assert repair_dateline(clean) == clean


def test_recap_written_as_text_is_dropped_up_to_the_dateline():
    recap = ["Ringkasan Berita:", "NATO sebut Rusia bangun markas.", "Trump puji Prabowo."]
    story = ["TRIBUNNEWS.COM - Isi pertama.", "Isi kedua."]
    assert _clean([*recap, *story]) == story
    # bullets without a dateline after them: only the bulleted lines are the recap
    assert _clean(["Ringkasan Berita:", "• Poin satu", "Isi tanpa dateline."]) == [
        "Isi tanpa dateline."
    ]


def test_amp_text_size_control_is_dropped():
    for control in (["AA", "Text Sizes", "Medium", "Large", "Larger"], ["AA Text Sizes Medium Large Larger"]):  # fmt: skip
        assert _clean([*control, *STORY]) == STORY


def test_prose_about_a_broadcast_is_no_copy_footer():
    prose = "Berita ini telah tayang di televisi nasional kemarin malam."
    assert _clean([*STORY, prose]) == [*STORY, prose]
