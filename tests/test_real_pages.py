"""The real pages of STRUCTURE.md §8 ([R1], [R3]) extract as a reader sees them."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.extraction import extract_article
from newscrawl.pages.article import TribunArticlePage

REAL = Path(__file__).resolve().parents[2] / "shared" / "tribun" / "real-html"
if not REAL.exists():  # CI lays shared/ beside the clone
    REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "tribun" / "real-html"
SOLO_URL = (
    "https://solo.tribunnews.com/2020/10/09/"
    "protokol-kesehatan-3m-adalah-vaksin-terbaik-cegah-covid-19-simak-penjelasan-dokter"
)
FETCHED = datetime(2020, 10, 13, 4, 31, 55, tzinfo=UTC)  # the header date of the saved page


def _real(name: str) -> str:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"shared real page {name} not found")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def solo():
    return extract_article(_real("solo-tribunnews-article-2020-10-09.html"), SOLO_URL, FETCHED)


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
    from newscrawl.boilerplate import clean_paragraphs

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
    html = _real("solo-tribunnews-article-2020-10-09.html")
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
