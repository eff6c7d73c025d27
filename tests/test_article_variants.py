"""Variants of the real R1 page that a redesign or another replica may bring (found by an
independent replica built from docs/site-structure.md): each must still extract right."""

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
from newscrawl.pages.article import TribunArticlePage
from newscrawl.replica import content as replica_content
from newscrawl.replica import render as replica_render
from tests.goldset import extract_article, extract_story
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


# --- issue 10: every replica variant article extracts to its ground truth ---------------------

VARIANT_ARTICLES = [a for a in replica_content.inventory().articles if a.variants]


def test_the_replica_has_every_variant_in_the_test_window():
    window = [a for a in VARIANT_ARTICLES if a.local_date in replica_content.WINDOW]
    kinds = {v for a in window for v in a.variants}
    assert kinds >= {
        "footer-berita", "footer-linked", "related-selengkapnya", "related-bullets",
        "related-bare", "related-rekomendasi", "photo-block", "photo-text", "byline-oneline",
        "byline-separate", "byline-repeat", "writers-datalayer", "header-repeat", "www-2025",
        "mojibake", "sponsor-banner", "amp-link", "related-2018", "related-mobile",
        "related-plain",
    }  # fmt: skip


@pytest.mark.parametrize(
    "article", VARIANT_ARTICLES, ids=lambda a: f"{a.site}-{'+'.join(a.variants)}-{a.seq}"
)
def test_replica_variant_article_extracts_to_its_ground_truth(article):
    site_articles = replica_content.inventory().by_site[article.site]
    pages = [
        (replica_render.article_page(article, p, site_articles), article.page_url(p))
        for p in range(1, article.page_count + 1)
    ]
    item = extract_story(pages, replica_content.CRAWL_NOW)
    truth = article.expected().as_item()
    for field, value in truth.items():
        assert getattr(item, field) == value, field


# --- issue 10: page-object rules on small pages -----------------------------------------------
WWW_URL = "https://www.tribunnews.com/regional/2025/10/05/banjir-rob-genangi-pantura"


def _page(body: str, *, head: str = "", before_title: str = "", url: str = WWW_URL) -> str:
    return (
        f"<html><head>{head}</head><body><div id='article'>{before_title}"
        "<h1 class='f50'>Banjir Rob Genangi Pantura</h1>"
        f"<div class='side-article txt-article'>{body}</div></div></body></html>"
    )


STORY_HTML = "<p><strong>TRIBUNNEWS.COM, SEMARANG -</strong> Isi pertama.</p><p>Isi kedua.</p>"
STORY_TEXT = ["TRIBUNNEWS.COM, SEMARANG - Isi pertama.", "Isi kedua."]


def test_a_sponsor_banner_heading_is_never_the_title():
    banner = "<div class='banner-kampanye'><h1>Jateng Hebat</h1></div>"
    page = TribunArticlePage(_page(STORY_HTML, before_title=banner), WWW_URL)
    assert page.title() == "Banjir Rob Genangi Pantura"
    # a banner h1 with no banner class: the h1 that og:title names wins
    head = "<meta property='og:title' content='Banjir Rob Genangi Pantura - Tribunnews.com'>"
    bare = TribunArticlePage(
        _page(STORY_HTML, head=head, before_title="<h1>Jateng Hebat</h1>"), WWW_URL
    )
    assert bare.title() == "Banjir Rob Genangi Pantura"
    assert bare.body_paragraphs() == STORY_TEXT


def test_writers_on_lines_of_their_own_are_read_and_the_editor_is_not_one():
    byline = (
        "<div class='credit'><div>Penulis:</div><div><a href='/penulis/a'>Gita Lestari</a></div>"
        "<div><a href='/penulis/b'>Ilham Dwi</a></div><div>Editor:</div>"
        "<div><a href='/editor/c'>Sanusi Wirawan</a></div></div>"
    )
    html = _page(STORY_HTML).replace("</h1>", "</h1>" + byline)
    page = TribunArticlePage(html, WWW_URL)
    assert page.authors() == ["Gita Lestari", "Ilham Dwi"]
    assert page.editor() == "Sanusi Wirawan"


@pytest.mark.parametrize(
    ("datalayer", "jsonld", "expected"),
    [
        ("Umar Wijaya, Rina Sari", "Umar Wijaya", ["Umar Wijaya", "Rina Sari"]),
        ("Umar Wijaya dan Rina Sari", "Umar Wijaya", ["Umar Wijaya", "Rina Sari"]),
        ("", "Hanang Yuwono", None),  # 2020: JSON-LD author is the editor, no writer shown
        ("Hanang Yuwono", "Hanang Yuwono", None),
    ],
)
def test_all_writers_are_kept_when_jsonld_names_one(datalayer, jsonld, expected):
    head = (
        "<script>dataLayer = [{'editor': 'Hanang Yuwono', 'penulis': '" + datalayer + "'}];"
        '</script><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Banjir Rob Genangi Pantura", "author": {"@type": "Person", "name": "' + jsonld + '"}}'
        "</script>"
    )
    page = TribunArticlePage(_page(STORY_HTML, head=head), WWW_URL)
    assert page.editor() == "Hanang Yuwono"
    assert page.authors() == expected


def test_linked_headlines_standing_alone_are_dropped_but_prose_links_stay():
    related = "https://jateng.tribunnews.com/2025/10/04/harga-bawang-naik"
    body = (
        STORY_HTML
        + f"<p><a href='{related}'>Harga Bawang Naik di Semarang</a></p>"
        + f"<p><strong><a href='{related}'>Harga Bawang Naik</a></strong></p>"
        + "<p>&bull; <a href='/2025/10/04/harga-bawang-naik'>Harga Bawang</a></p>"
        + "<p><a href='https://www.tribunnews.com/tag/banjir'>Banjir</a></p>"
        + f"<p>Warga <a href='{related}'>mengeluhkan</a> harga bawang.</p>"
        + "<div><p><strong>Berita Rekomendasi</strong></p>"
        + f"<ul><li><a href='{related}'>Satu</a></li><li><a href='{related}'>Dua</a></li></ul></div>"
    )
    paragraphs = TribunArticlePage(_page(body), WWW_URL).body_paragraphs()
    assert clean_paragraphs(paragraphs)[0] == [
        *STORY_TEXT,
        "Banjir",  # a lone tag link is no related headline
        "Warga mengeluhkan harga bawang.",
    ]


def test_amp_page_furniture_inside_the_text_is_dropped():
    body = (
        "<nav><ul><li><a href='/nasional'>Nasional</a></li><li><a href='/sport'>Sport</a></li>"
        "</ul></nav><div class='fontsize'>AA <span>Text Sizes</span> <a>Medium</a> <a>Large</a>"
        " <a>Larger</a></div>"
        + STORY_HTML.replace(
            "Isi pertama.",
            "Isi pertama.<amp-ad width='300' height='250' type='doubleclick'>"
            "<div placeholder>Advertisement</div></amp-ad>",
        )
        + "<ul><li><a href='/nasional'>Nasional</a></li><li><a href='/bisnis'>Bisnis</a></li></ul>"
    )
    amp_url = "https://m.tribunnews.com/amp/regional/2025/10/05/banjir-rob-genangi-pantura"
    head = f"<link rel='canonical' href='{WWW_URL}'>"
    page = TribunArticlePage(_page(body, head=head, url=amp_url), amp_url)
    assert page.url_canonical() == WWW_URL
    assert clean_paragraphs(page.body_paragraphs())[0] == STORY_TEXT


def test_a_recap_written_as_paragraphs_is_dropped_up_to_the_dateline():
    recap = "<p><strong>Ringkasan Berita:</strong></p><p>Poin satu.</p><p>Poin dua.</p>"
    page = TribunArticlePage(_page(recap + STORY_HTML), WWW_URL)
    assert clean_paragraphs(page.body_paragraphs())[0] == STORY_TEXT


def test_page_n_repeating_the_header_keeps_only_its_own_paragraphs():
    head = (
        "<meta name='description' content='Warga pesisir mengungsi.'>"
        "<meta property='og:title' content='Banjir Rob Genangi Pantura'>"
    )
    header = (
        "<p>Bencana</p><p>Banjir Rob Genangi Pantura</p><p>Warga pesisir mengungsi.</p>"
        "<p>Penulis: Iwan Arifianto | Editor: Catur Waskito</p>"
        "<p>TRIBUN JATENG/HERMAWAN HANDAKA</p>"
        "<p>BANJIR ROB - Warga melintasi genangan, Minggu (5/10/2025).</p>"
    )
    own = "<p>Isi halaman dua.</p><p>Warga pesisir mengungsi.</p>"
    page2 = WWW_URL + "?page=2"
    html = _page(header + own, head=head, url=page2).replace(
        "<div id='article'>", "<div id='article'><h2 class='red'><a>Bencana</a></h2>"
    )
    paragraphs = TribunArticlePage(html, page2).body_paragraphs()
    # the page's own paragraphs stay, even one that repeats the lead after the header
    assert paragraphs == ["Isi halaman dua.", "Warga pesisir mengungsi."]
    # on page 1 a first paragraph that repeats the lead is story text
    page1 = TribunArticlePage(_page("<p>Warga pesisir mengungsi.</p>", head=head), WWW_URL)
    assert page1.body_paragraphs() == ["Warga pesisir mengungsi."]


def test_a_caption_without_label_between_the_photo_credit_and_the_dateline_is_dropped():
    photo = [
        "zoom-in Komentar Menggelitik Ganjar Pranowo",
        "TRIBUN JATENG/TRIBUN JATENG/HERMAWAN HANDAKA",
        "Gubernur Jawa Tengah Ganjar Pranowo saat ditemui di kantornya, Jumat (17/1/2020).",
    ]
    assert _clean([*photo, *STORY]) == STORY
    # a sentence after a credit in the middle of the story is story text
    middle = [STORY[0], "TRIBUN JATENG/HERMAWAN HANDAKA", "Warga berkumpul.", STORY[1]]
    assert _clean(middle) == [STORY[0], "Warga berkumpul.", STORY[1]]


def test_related_links_to_other_verticals_and_link_rows_are_dropped():
    body = (
        STORY_HTML
        + "<p><a href='https://wow.tribunnews.com/2025/10/04/artis-liburan'>Artis Liburan</a></p>"
        + "<div><a href='/2025/10/04/satu'>Satu</a></div>"
        + "<div class='menu'><a href='/nasional'>Nasional</a> <a href='/sport'>Sport</a> "
        + "<a href='/seleb'>Seleb</a></div>"
        + "<p>Lihat <a href='/nasional'>Nasional</a>, <a href='/sport'>Sport</a> dan lainnya.</p>"
    )
    paragraphs = TribunArticlePage(_page(body), WWW_URL).body_paragraphs()
    assert clean_paragraphs(paragraphs)[0] == [*STORY_TEXT, "Lihat Nasional, Sport dan lainnya."]


def test_a_byline_at_the_top_of_the_body_names_the_writers():
    body = "<p>Penulis: <a href='/penulis/a'>Gita Lestari</a> | Editor: Sanusi Wirawan</p>"
    page = TribunArticlePage(_page(body + STORY_HTML), WWW_URL)
    assert page.authors() == ["Gita Lestari"]
    assert page.editor() == "Sanusi Wirawan"
    assert clean_paragraphs(page.body_paragraphs())[0] == STORY_TEXT


def test_a_photo_credit_in_brackets_above_the_story_is_dropped_but_an_end_credit_stays():
    body = ["(Tribunnews/Jeprima)", *STORY, "(Tribunnews.com/Indah Aprilin Cahyani)"]
    assert _clean(body) == [*STORY, "(Tribunnews.com/Indah Aprilin Cahyani)"]
    assert _clean(["Â TRIBUNNEWS.COM - Presiden bicara."]) == ["TRIBUNNEWS.COM - Presiden bicara."]


def test_a_recap_box_is_dropped_whole_even_without_a_dateline_after_it():
    recap = (
        "<div class='ringkasan'><p><strong>Ringkasan Berita:</strong></p>"
        "<p>Poin satu.</p><p>Poin dua.</p></div>"
    )
    story = "<p>Isi tanpa dateline.</p>"
    page = TribunArticlePage(_page(recap + story), WWW_URL)
    assert clean_paragraphs(page.body_paragraphs())[0] == ["Isi tanpa dateline."]


def test_a_logo_heading_named_in_the_page_title_is_not_the_title():
    head = "<title>Banjir Rob Genangi Pantura - Tribun Solo</title>"
    logo = "<h1 class='logo'>Tribun Solo</h1>"
    html = _page(STORY_HTML, head=head).replace("<body>", "<body>" + logo)
    assert TribunArticlePage(html, WWW_URL).title() == "Banjir Rob Genangi Pantura"


def test_a_related_link_on_its_own_line_inside_a_paragraph_is_dropped():
    para = "Warga berkumpul di balai desa.\nBaca: Banjir Rob Genangi Pantura"
    assert _clean([STORY[0], para]) == [STORY[0], "Warga berkumpul di balai desa."]
    poem = "Baris pertama puisi,\nbaris kedua puisi."
    assert _clean([STORY[0], poem]) == [STORY[0], poem]


def test_a_second_writer_without_a_link_is_kept():
    byline = "<div id='penulis'>Penulis: <a href='/penulis/a'>Gita Lestari</a> dan Ilham Dwi</div>"
    html = _page(STORY_HTML).replace("</h1>", "</h1>" + byline)
    assert TribunArticlePage(html, WWW_URL).authors() == ["Gita Lestari", "Ilham Dwi"]


def test_the_list_under_a_rekomendasi_heading_goes_whatever_its_items_hold():
    related = "https://jateng.tribunnews.com/2025/10/04/harga-bawang-naik"
    block = (
        "<h3>Berita Rekomendasi</h3><ul>"
        f"<li><a href='{related}'>Harga Bawang Naik</a> <span>2 jam lalu</span></li>"
        f"<li><a href='{related}'>Harga Cabai Turun</a> <span>3 jam lalu</span></li></ul>"
    )
    page = TribunArticlePage(_page(STORY_HTML + block + "<p>Isi ketiga.</p>"), WWW_URL)
    assert clean_paragraphs(page.body_paragraphs())[0] == [*STORY_TEXT, "Isi ketiga."]


def test_a_wrapper_that_opens_with_the_recap_keeps_the_story():
    recap = "<p><strong>Ringkasan Berita:</strong></p><ul><li>Poin satu.</li></ul>"
    story = "".join(
        f"<p>Paragraf cerita nomor {n} yang cukup panjang untuk dibaca.</p>" for n in range(40)
    )
    page = TribunArticlePage(_page(f"<div class='tribun-mark'>{recap}{story}</div>"), WWW_URL)
    paragraphs = clean_paragraphs(page.body_paragraphs())[0]
    assert len(paragraphs) == 40
    assert paragraphs[0].startswith("Paragraf cerita nomor 0")


@pytest.mark.parametrize(
    "line",
    [
        "Artikel ini telah tayang di Tribunjateng.com: Banjir Rob Genangi Pantura",
        "Artikel ini telah tayang di TribunJateng.com, https://jateng.tribunnews.com/2025/x",
    ],
)
def test_a_copy_footer_without_dengan_judul_names_its_site(line):
    assert _clean([*STORY, line]) == STORY
    assert copy_footer([*STORY, line]).site_name.lower() == "tribunjateng.com"


def test_date_lines_inside_the_body_are_dropped_and_end_page_ns_head():
    assert _clean([STORY[0], "Jumat, 9 Oktober 2020 13:52", STORY[1]]) == STORY
    assert _clean([STORY[0], "Tayang: Senin, 6 Oktober 2025 19:26 WIB", STORY[1]]) == STORY
    head = "<meta name='description' content='Warga pesisir mengungsi.'>"
    header = (
        "<p>Bencana</p><p>Banjir Rob Genangi Pantura</p><p>Senin, 6 Oktober 2025 19:26 WIB</p>"
        "<p>Warga pesisir mengungsi.</p><p>Isi halaman dua.</p>"
    )
    page2 = WWW_URL + "?page=2"
    paragraphs = TribunArticlePage(_page(header, head=head, url=page2), page2).body_paragraphs()
    assert paragraphs == ["Isi halaman dua."]


@pytest.mark.parametrize(
    "article",
    [a for a in VARIANT_ARTICLES if "amp-link" in a.variants],
    ids=lambda a: f"{a.site}-{a.seq}",
)
def test_the_amp_page_of_a_listed_amp_link_gives_the_desktop_article(article):
    link = replica_content.link_url(article)
    assert "/amp/" in link
    pages = [(replica_render.amp_article_page(article, 1), link)]
    item = extract_story(pages, replica_content.CRAWL_NOW)
    truth = article.expected().as_item()
    assert item.url == article.url  # the canonical desktop URL, not the AMP one
    for field in ("title", "lead", "body", "authors", "editor", "published_at", "image_url"):
        assert getattr(item, field) == truth[field], field


def test_the_seed_pages_photo_lines_above_the_story_are_dropped():
    """The visible text of a real 2024 page (docs/site-structure.md, seed page text) as it
    would read with its photo block inside the body container."""
    lines = [
        "|",
        "Kolase tribunnews",
        (
            "Kolase pemimpin Rusia Vladimir Putin dengan Presiden Ukraina Volodymyr Zelensky, "
            "Minggu (13/10/2024)."
        ),
        "TRIBUNNEWS.COM - Presiden Ukraina, Volodymyr Zelensky menyebut hubungan pertahanan.",
        '"Kami melihat bahwa aliansi antara Rusia dan rezim seperti Korea Utara semakin kuat."',
    ]
    assert _clean(lines) == lines[3:]


def test_a_banner_heading_styled_like_the_topic_is_no_topic():
    banner = (
        "<div class='banner-kampanye'><h2 class='red'><a href='/tag/x'>Jateng Hebat</a></h2></div>"
    )
    topic = "<h2 class='red f16'><a href='/topic/banjir-rob'>Banjir Rob</a></h2>"
    page = TribunArticlePage(_page(STORY_HTML, before_title=banner + topic), WWW_URL)
    assert page.topic() == "Banjir Rob"
    assert page.title() == "Banjir Rob Genangi Pantura"


def test_a_caption_label_glued_to_its_text_and_an_acronym_with_a_hyphen():
    assert _clean([STORY[0], "BANJIR ROB -Warga melintasi genangan.", STORY[1]]) == STORY
    prose = "COVID-19 kembali menyebar di sejumlah daerah, kata dia."
    assert _clean([STORY[0], prose]) == [STORY[0], prose]
