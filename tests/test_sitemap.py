"""Sitemap page object: indexes, news entries with CDATA and namespaces, broken documents.

Shapes follow docs/site-structure.md §7: www's ``sitemap.xml`` index of
``{section}/sitemap-news.xml`` [C1][F22], regional ``sitemap_news.xml`` with ``<loc>`` in CDATA
[F20][F21], nested indexes.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from newscrawl.pages.sitemap import SitemapEntry, TribunSitemapPage
from newscrawl.sites import WIB, WITA

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.tribunnews.com/nasional/sitemap-news.xml</loc></sitemap>
  <sitemap><loc>https://www.tribunnews.com/nasional/sitemap-web.xml</loc></sitemap>
  <sitemap><loc>https://www.tribunnews.com/nasional/sitemap-images.xml</loc></sitemap>
  <sitemap><loc><![CDATA[https://kaltara.tribunnews.com/kaltara/sitemap.xml]]></loc></sitemap>
  <sitemap><loc>https://jatim.tribunnews.com/jatim/sitemap_news.xml</loc></sitemap>
  <sitemap><loc>https://www.tribunnews.com/nasional/sitemap-news.xml</loc></sitemap>
</sitemapindex>
"""

NEWS = """\ufeff
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc><![CDATA[ https://makassar.tribunnews.com/2025/10/05/warga-antre ]]></loc>
    <news:news>
      <news:publication><news:name>Tribun Timur</news:name><news:language>id</news:language></news:publication>
      <news:publication_date>2025-10-05T23:50:00+08:00</news:publication_date>
      <news:title><![CDATA[Warga “Antre” di Café]]></news:title>
      <news:keywords>antre, makassar</news:keywords>
    </news:news>
  </url>
  <!-- a comment between entries -->
  <url>
    <loc>https://makassar.tribunnews.com/2025/10/04/tanpa-tanggal</loc>
    <lastmod>2025-10-04T08:00:00+08:00</lastmod>
  </url>
  <url><loc>https://makassar.tribunnews.com/2025/10/05/warga-antre</loc></url>
  <url><news:news><news:title>no loc</news:title></news:news></url>
</urlset>
"""


def test_index_children_in_order_deduplicated() -> None:
    page = TribunSitemapPage(INDEX, "https://www.tribunnews.com/sitemap.xml")
    assert page.kind == "sitemapindex"
    assert page.entries() == []
    assert page.child_sitemaps() == [
        "https://www.tribunnews.com/nasional/sitemap-news.xml",
        "https://www.tribunnews.com/nasional/sitemap-web.xml",
        "https://www.tribunnews.com/nasional/sitemap-images.xml",
        "https://kaltara.tribunnews.com/kaltara/sitemap.xml",
        "https://jatim.tribunnews.com/jatim/sitemap_news.xml",
    ]
    # news_only keeps news sitemaps in both spellings and nested indexes, not web/images.
    assert page.child_sitemaps(news_only=True) == [
        "https://www.tribunnews.com/nasional/sitemap-news.xml",
        "https://kaltara.tribunnews.com/kaltara/sitemap.xml",
        "https://jatim.tribunnews.com/jatim/sitemap_news.xml",
    ]


def test_news_entries_cdata_namespaces_bom() -> None:
    page = TribunSitemapPage(NEWS, "https://makassar.tribunnews.com/lokal/sitemap_news.xml")
    assert page.kind == "urlset"
    assert page.child_sitemaps() == []
    assert page.entries() == [
        SitemapEntry(
            url="https://makassar.tribunnews.com/2025/10/05/warga-antre",
            publication_date_raw="2025-10-05T23:50:00+08:00",
            title="Warga “Antre” di Café",
        ),
        SitemapEntry(
            url="https://makassar.tribunnews.com/2025/10/04/tanpa-tanggal",
            lastmod="2025-10-04T08:00:00+08:00",
        ),
    ]


def test_publication_date_in_site_zone() -> None:
    first, second = TribunSitemapPage(NEWS, "u").entries()
    # 23:50 WITA on 5 October is 22:50 WIB the same day, 15:50 UTC.
    assert first.published(WITA) == datetime(2025, 10, 5, 23, 50, tzinfo=WITA)
    assert first.published(WIB).date().isoformat() == "2025-10-05"
    assert second.published(WITA) == datetime(2025, 10, 4, 8, 0, tzinfo=WITA)  # lastmod
    assert SitemapEntry(url="u").published(WIB) is None
    assert SitemapEntry(url="u", publication_date_raw="Senin, 6 Oktober 2025 10:15 WIB").published(
        WIB
    ) == datetime(2025, 10, 6, 10, 15, tzinfo=WIB)


def test_namespace_free_document() -> None:
    xml = "<urlset><url><loc>https://solo.tribunnews.com/2025/10/05/a</loc><news><publication_date>2025-10-05T01:00:00+07:00</publication_date></news></url></urlset>"
    (entry,) = TribunSitemapPage(xml, "u").entries()
    assert entry.publication_date_raw == "2025-10-05T01:00:00+07:00"


def test_truncated_document_keeps_complete_entries() -> None:
    cut = NEWS.encode("utf-8")[: NEWS.encode("utf-8").index(b"<!-- a comment")]
    urls = [e.url for e in TribunSitemapPage(cut, "u").entries()]
    assert urls == ["https://makassar.tribunnews.com/2025/10/05/warga-antre"]


@pytest.mark.parametrize(
    "body",
    [b"", b"   ", b"<html><body>Not found</body></html>", b"\x00\x01garbage", "<?xml?>"],
)
def test_not_a_sitemap(body: bytes | str) -> None:
    page = TribunSitemapPage(body, "u")
    assert page.kind is None
    assert page.entries() == []
    assert page.child_sitemaps() == []


def test_entities_are_not_resolved() -> None:
    xxe = b"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<urlset><url><loc>https://solo.tribunnews.com/a&x;</loc></url></urlset>"""
    entries = TribunSitemapPage(xxe, "u").entries()
    assert all("root:" not in e.url for e in entries)


def test_gzipped_sitemap_body() -> None:
    import gzip

    page = TribunSitemapPage(gzip.compress(INDEX), "https://www.tribunnews.com/sitemap.xml.gz")
    assert len(page.child_sitemaps()) == 5
    assert TribunSitemapPage(b"\x1f\x8bnot really gzip", "u").kind is None
