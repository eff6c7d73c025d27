"""The real pages saved in the repository (docs/site-structure.md §8: [R1], [R2], [R3]) extract
as a reader sees them.

The files are part of the repository, so these tests never skip: a missing file fails them.
"""

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

import newscrawl.replica
from newscrawl.boilerplate import clean_paragraphs
from newscrawl.pages.article import TribunArticlePage
from newscrawl.pages.listing import TribunListingPage
from tests.goldset import extract_article

# R1 is kept once, with the replica that builds its 2020 pages on it; R2 and R3 are test fixtures.
R1_DIR = Path(newscrawl.replica.__file__).resolve().parent / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "real"
SOLO_URL = (
    "https://solo.tribunnews.com/2020/10/09/"
    "protokol-kesehatan-3m-adalah-vaksin-terbaik-cegah-covid-19-simak-penjelasan-dokter"
)
FETCHED = datetime(2020, 10, 13, 4, 31, 55, tzinfo=UTC)  # the header date of the saved page
R1_NAME = "solo-tribunnews-article-2020-10-09.html"
R2_NAME = "m-tribunnews-home-2022-01-28.html"


def _path(name: str) -> Path:
    return (R1_DIR if name == R1_NAME else FIXTURES) / name


def _real(name: str) -> str:
    """A saved real page by file name; raises (fails the test) if the repository lacks it."""
    return _path(name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def solo():
    return extract_article(_real(R1_NAME), SOLO_URL, FETCHED)


def test_solo_title_has_no_site_suffix(solo):
    assert solo.title == (
        "Protokol Kesehatan 3M adalah Vaksin Terbaik Cegah Covid-19, Simak Penjelasan Dokter"
    )


def test_solo_published_at_is_jsonld_instant_in_wib(solo):
    assert solo.published_at == "2020-10-09T13:52:50+07:00"
    assert solo.modified_at == "2020-10-09T13:52:50+07:00"


def test_solo_header_crawl_date_is_not_the_publication_date(solo):
    assert "2020-10-13" not in (solo.published_at or "")


def test_solo_editor_is_not_an_author(solo):
    assert solo.editor == "Hanang Yuwono"
    assert solo.authors is None  # "Penulis" is empty on the page; JSON-LD author is the editor


def test_solo_tags(solo):
    assert solo.tags == ["Penanganan Covid-19 di Indonesia", "Eka Ginanjar", "Vaksin Covid-19"]


def test_solo_page_one_links_page_two(solo):
    assert solo.page_count == 2
    assert solo.pages_fetched == 1
    assert solo.is_partial is True  # only page 1 was given


def test_solo_metadata(solo):
    assert solo.url == SOLO_URL
    assert solo.site == "solo"
    assert solo.site_name == "Tribun Solo"
    assert solo.article_id == "159056"
    assert solo.topic == "Penanganan Covid"
    assert solo.lead.startswith("Kondisi saat ini harus yang diwaspadai")
    assert (
        solo.image_url
        == "https://cdn-2.tstatic.net/solo/foto/bank/images/ilustrasi-masker-anak2.jpg"
    )
    assert solo.image_caption.startswith("Masker kini menjadi barang penting di tengah pandemi.")


def test_solo_body_is_clean(solo):
    paragraphs = solo.body.split("\n\n")
    assert paragraphs[0].startswith("TRIBUNSOLO.COM, JAKARTA --Hingga kini masyarakat")
    assert paragraphs[-1].endswith('namun juga keluarga dan orang disekitar," jelasnya.')
    assert len(paragraphs) == 10
    for leaked in (
        "Pesan Nunung",
        "Apakah Vaksin Jadi",
        "googletag",
        "Infografis Harga Vaksin",
        "Halaman selanjutnya",
        "Tags",
        "Editor",
        "Berita Terkait",
        "lihat foto",
    ):
        assert leaked not in solo.body
    assert solo.word_count == len(solo.body.split())


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_2018_fragments_lose_footer_and_related_links(number):
    fragment = _real(f"fragment-tribunnews-body-2018-{number}.html")
    html = f'<html><body><div class="side-article txt-article">{fragment}</div></body></html>'
    page = TribunArticlePage(html, "https://www.tribunnews.com/nasional/2018/05/09/x")
    paragraphs, _ = clean_paragraphs(page.body_paragraphs())
    body = "\n\n".join(paragraphs)
    assert body.startswith("TRIBUNNEWS.COM")
    assert "Artikel ini telah tayang" not in body
    assert "Baca:" not in body
    assert "(*)" not in body
    assert not body.rstrip().endswith(("Editor", "Penulis"))
    assert "Penulis:" not in body
    assert "Editor:" not in body


def test_redesigned_date_markup_is_read_but_flagged():
    """R1 with its date markup gone (JSON-LD dates, dataLayer, ``<time>`` renamed): the date
    is still read from the text under the title, and the page says it came from loose text."""
    html = _real(R1_NAME)
    page = TribunArticlePage(html, SOLO_URL)
    assert page.published_from_fallback() is False
    broken = (
        html.replace('"datePublished": "2020-10-09T13:52:50+07:00",', "")
        .replace('"dateModified": "2020-10-09T13:52:50+07:00",', "")
        .replace("'publish_date': '2020-10-09 13:52:50',", "")
        .replace('<div class="grey bdr3 pb10 pt10"><time>', '<div class="meta-info"><span>')
        .replace("13:52</time></div>", "13:52</span></div>")
    )
    assert "datePublished" not in broken.split("WebPage")[0]
    redesigned = TribunArticlePage(broken, SOLO_URL)
    assert redesigned.published_raw() == "Jumat, 9 Oktober 2020 13:52"
    assert redesigned.published_from_fallback() is True


# --- R2: the real m.tribunnews.com homepage of 2022-01-28 (§4.2) ---------------------------


@pytest.fixture(scope="module")
def m_home() -> TribunListingPage:
    return TribunListingPage(_real(R2_NAME), "https://m.tribunnews.com/")


def test_mobile_home_latest_list_in_page_order_as_www_articles(m_home):
    """The first stories of ``ul#latestul`` as a reader sees them, m. folded into www (§5)."""
    www = "https://www.tribunnews.com"
    first = [
        (
            f"{www}/bisnis/2022/01/28/minyak-goreng-rp-14-ribu-mulai-langka-di-toko-ritel-modern"
            + "-kppu-lanjutkan-ke-ranah-penegakan-hukum",
            "3 menit lalu",
        ),
        (
            f"{www}/regional/2022/01/28/pasutri-aceh-tamiang-datangi-kodim-usai-diancam-anak"
            + "-karena-tak-bisa-belikan-motor-trail",
            "1 jam lalu",
        ),
        (
            f"{www}/regional/2022/01/28/kapolres-minta-anggota-gmbi-di-garut-tenang-jika-macam"
            + "-macam-akan-ditindak-tegas",
            "4 menit lalu",
        ),
    ]
    assert [(a.url, a.listed_time) for a in m_home.articles()[:3]] == first


def test_mobile_home_lists_no_video_offsite_or_mobile_urls(m_home):
    """The latest list mixes in a video.tribunnews.com item and a bolasport.com story: neither is
    an article of the network; every listed URL is a dated www story."""
    urls = [a.url for a in m_home.articles()]
    assert len(urls) == len(set(urls))
    assert not [u for u in urls if not u.startswith("https://www.tribunnews.com/")]
    assert all("/2022/01/" in u for u in urls)
    html = _real(R2_NAME)
    assert "https://video.tribunnews.com/view/321396/" in html
    assert "https://www.bolasport.com/read/313116802/" in html


def test_saved_real_pages_are_the_originals():
    """The fixtures stand for the real site only while they are byte-for-byte what was found."""
    expected = {
        R1_NAME: "d85539fb5f3daa1644a137dd6b44215d8da16909d53ad11cc27e93f89c035da3",
        R2_NAME: "9cd468189d4c5efbd5239d71b507dd104ba7d8c6809302487ae48323fa1891f3",
        "fragment-tribunnews-body-2018-1.html": (
            "5ba676fbb0a63145f7a309281e1b55266f662c63d749fdba851a5a0bd6d9cdee"
        ),
        "fragment-tribunnews-body-2018-2.html": (
            "63cfbf035f927d65ddbfe11505dc5e029d590483758bc80f3f2dfcc180bc444c"
        ),
        "fragment-tribunnews-body-2018-3.html": (
            "aa79bef33e29a50312835b2ae30fc68511ed75d3cdbc85d6cb72449276ecea1e"
        ),
        "fragment-tribunnews-body-2018-4.html": (
            "40a936716c055fa8dd731874dab717248879d511c05d182bffc5d531ee3644ff"
        ),
        "fragment-tribunnews-body-2018-5.html": (
            "438e1a409b37664939d945d38d2ceb8406daf2feac90638ddcbb03c69e060771"
        ),
    }
    got = {name: hashlib.sha256(_path(name).read_bytes()).hexdigest() for name in expected}
    assert got == expected


def test_mobile_home_lists_only_the_latest_list_not_the_popular_boxes(m_home):
    """The page also holds "POPULER" boxes (``div.lsi``); the latest list is what is walked."""
    from parsel import Selector

    page = Selector(text=_real(R2_NAME))
    latest = {
        u.split("?")[0].replace("//m.tribunnews.com", "//www.tribunnews.com")
        for u in page.css("ul#latestul > li h3 a::attr(href)").getall()
    }
    popular = page.css("div.lsi ul > li a::attr(href)").getall()
    assert popular, "the saved page has the popular boxes this test is about"
    urls = [a.url for a in m_home.articles()]
    assert set(urls) <= latest
