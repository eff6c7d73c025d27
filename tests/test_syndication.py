"""``syndicated_from``: what a copy footer says about where the story first ran, kept in the item
(JSON object, three CSV columns), and ``newscrawl export --dedupe-syndicated`` folding copies."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from newscrawl.exporters import CSV_COLUMNS, ArticleCsvItemExporter
from newscrawl.items import ARTICLE_FIELDS, ArticleItem
from newscrawl.pages.article import TribunArticlePage
from newscrawl.state import ExportedRow
from newscrawl.story import build_story
from tests.goldset import GOLD_DIR, run_pipelines

FETCHED = datetime(2025, 10, 6, 12, 0, tzinfo=UTC)


def _page(case: str, number: int = 1) -> tuple[str, str]:
    folder = GOLD_DIR / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    html = (folder / "inputs" / f"page{number}.html").read_text(encoding="utf-8")
    return html, meta["page_urls"][number - 1]


def test_linked_footer_takes_the_url_from_the_title_link():
    # "… di <a>TribunJateng.com</a> dengan judul <a href=URL>TITLE</a>": no URL in the text
    page = TribunArticlePage(*_page("variant-footer-linked-2024-jateng"))
    assert page.syndicated_from() == {
        "site_name": "TribunJateng.com",
        "url": "https://jateng.tribunnews.com/2024/03/05/"
        "banjir-rendam-8-kecamatan-di-semarang-warga-bertahan-di-lantai-dua",
        "title": "Banjir Rendam 8 Kecamatan di Semarang, Warga Bertahan di Lantai Dua",
    }


def test_plain_text_footer_has_no_url_and_a_written_url_is_made_canonical():
    mobile = TribunArticlePage(*_page("variant-footer-berita-mobile")).syndicated_from()
    assert mobile is not None
    assert mobile["site_name"] == "Tribunjateng.com"
    assert mobile["url"] is None
    assert mobile["title"] == "Jelang Laga Kandang, Pelatih Wulan Pastikan Pemain Bugar"
    # R3 writes "http://www.tribunnews.com/…": the field holds the canonical https form
    real = TribunArticlePage(*_page("frag2-2024")).syndicated_from()
    assert real is not None
    assert real["url"] == (
        "https://www.tribunnews.com/nasional/2018/05/09/"
        "polri-sebut-5-polisi-tewas-sebagai-bhayangkara-terbaik"
    )


def test_no_footer_and_prose_about_a_broadcast_give_null():
    assert TribunArticlePage(*_page("real-solo-2020-page1")).syndicated_from() is None
    html, url = _page("variant-footer-berita-mobile")
    prose = html.replace(
        "Berita ini telah tayang di Tribunjateng.com dengan judul",
        "Berita ini telah tayang di televisi nasional kemarin, kata",
    )
    assert prose != html
    assert TribunArticlePage(prose, url).syndicated_from() is None


def test_footer_on_the_last_page_of_a_story_reaches_the_item_and_leaves_the_body():
    first = _page("mobile-www-3pages", 1)
    footer_html, _ = _page("variant-footer-linked-2024-jateng")
    second_url = first[1] + "?page=2"
    item = run_pipelines(build_story([first, (footer_html, second_url)], FETCHED))
    assert item.syndicated_from is not None
    assert item.syndicated_from["site_name"] == "TribunJateng.com"
    assert item.syndicated_from["title"].startswith("Banjir Rendam 8 Kecamatan")
    assert "telah tayang" not in (item.body or "")


def test_field_sits_after_tags():
    assert ARTICLE_FIELDS[ARTICLE_FIELDS.index("tags") + 1] == "syndicated_from"


def _csv(items: list[ArticleItem]) -> list[dict[str, str]]:
    buffer = io.BytesIO()
    exporter = ArticleCsvItemExporter(buffer)
    exporter.start_exporting()
    exporter.export_rows(items)
    exporter.finish_exporting()
    text = buffer.getvalue().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_spreads_the_object_over_three_columns_in_its_place():
    at = CSV_COLUMNS.index("tags")
    assert CSV_COLUMNS[at + 1 : at + 4] == (
        "syndicated_from_site_name",
        "syndicated_from_url",
        "syndicated_from_title",
    )
    assert "syndicated_from" not in CSV_COLUMNS
    copy = ArticleItem(
        url="https://solo.tribunnews.com/2025/10/05/a",
        site="solo",
        syndicated_from={"site_name": "Tribunjateng.com", "url": None, "title": "=Judul"},
    )
    plain = ArticleItem(url="https://solo.tribunnews.com/2025/10/05/b", site="solo")
    rows = _csv([copy, plain])
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["syndicated_from_site_name"] == "Tribunjateng.com"
    assert rows[0]["syndicated_from_url"] == ""
    assert rows[0]["syndicated_from_title"] == "'=Judul"  # the same formula guard as any cell
    assert [rows[1][c] for c in CSV_COLUMNS[at + 1 : at + 4]] == ["", "", ""]


def test_content_hash_of_the_nightly_state_ignores_the_field():
    base = {"url": "https://solo.tribunnews.com/2025/10/05/a", "site": "solo", "title": "T"}
    plain = ExportedRow.from_item({**base, "body": "B"})
    copied = ExportedRow.from_item(
        {**base, "body": "B", "syndicated_from": {"site_name": "X", "url": None, "title": "T"}}
    )
    assert plain.content_hash == copied.content_hash
