"""``syndicated_from``: what a copy footer says about where the story first ran, kept in the item
(JSON object, three CSV columns), and ``newscrawl export --dedupe-syndicated`` folding copies."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from newscrawl.cli import main
from newscrawl.export import dedupe_syndicated, site_label, title_key
from newscrawl.exporters import CSV_COLUMNS, ArticleCsvItemExporter
from newscrawl.items import ARTICLE_FIELDS, ArticleItem
from newscrawl.pages.article import TribunArticlePage
from newscrawl.statedb import ExportedRow
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


# --- newscrawl export --dedupe-syndicated ------------------------------------------------------
ORIGINAL = "https://jateng.tribunnews.com/2025/10/05/banjir-rob-semarang"
TITLE = "Banjir Rob Rendam Semarang Utara"


def _record(url: str, site: str, published: str, **fields: object) -> dict[str, object]:
    return {
        "url": url,
        "site": site,
        "title": fields.pop("title", f"Judul {url.rsplit('/', 1)[-1]}"),
        "body": "Isi berita.",
        "published_at": published,
        "crawled_at": "2025-10-06T01:00:00+00:00",
        "revision": 1,
        **fields,
    }


def _copy(url: str, site: str, published: str, *, link: str | None) -> dict[str, object]:
    footer = {"site_name": "Tribunjateng.com", "url": link, "title": TITLE}
    return _record(url, site, published, title=TITLE, syndicated_from=footer)


def _export(tmp_path: Path, records: list[dict[str, object]], *flags: str) -> tuple[list, str]:
    data = tmp_path / "data"
    by_site: dict[str, list[dict[str, object]]] = {}
    for r in records:
        by_site.setdefault(str(r["site"]), []).append(r)
    for site, rows in by_site.items():
        feed = data / site / "2025-10-06" / "tribun.jsonl"
        feed.parent.mkdir(parents=True)
        feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.csv"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = main(["export", "--data-dir", str(data), "--out", str(out), *flags])
    assert code == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh)), stdout.getvalue()


SOLO_COPY = "https://solo.tribunnews.com/2025/10/05/banjir-rob-rendam-semarang-utara"
BOGOR_COPY = "https://bogor.tribunnews.com/2025/10/06/banjir-rob-rendam-semarang-utara"
UNRELATED = [
    _record(
        "https://solo.tribunnews.com/2025/10/05/pasar-gede", "solo", "2025-10-05T08:00:00+07:00"
    ),
    _record("https://jateng.tribunnews.com/2025/10/05/tol", "jateng", "2025-10-05T09:00:00+07:00"),
]


def test_crawled_original_and_two_copies_give_one_row_the_original(tmp_path):
    records = [
        _copy(SOLO_COPY, "solo", "2025-10-05T11:00:00+07:00", link=ORIGINAL),
        _copy(BOGOR_COPY, "bogor", "2025-10-05T09:30:00+07:00", link=None),  # title + site
        _record(ORIGINAL, "jateng", "2025-10-05T10:00:00+07:00", title=TITLE + "."),
        *UNRELATED,
    ]
    rows, summary = _export(tmp_path, records, "--dedupe-syndicated")
    assert sorted(r["url"] for r in rows) == sorted([ORIGINAL, *(r["url"] for r in UNRELATED)])
    assert "folded 2 syndicated copies" in summary
    # without the option every copy is a row, and nothing is said about folding
    rows, summary = _export(tmp_path / "plain", records)
    assert len(rows) == 5
    assert "folded" not in summary


def test_two_copies_without_their_original_keep_the_earliest(tmp_path):
    records = [
        _copy(SOLO_COPY, "solo", "2025-10-05T11:00:00+07:00", link=ORIGINAL),
        # 09:30 WITA is 08:30 WIB: the earliest instant, though not the smallest clock time
        _copy(
            "https://makassar.tribunnews.com/2025/10/05/banjir-rob",
            "makassar",
            "2025-10-05T09:30:00+08:00",
            link=None,
        ),
        *UNRELATED,
    ]
    rows, summary = _export(tmp_path, records, "--dedupe-syndicated")
    urls = sorted(r["url"] for r in rows)
    assert urls == sorted(
        [
            "https://makassar.tribunnews.com/2025/10/05/banjir-rob",
            *(r["url"] for r in UNRELATED),
        ]
    )
    assert "folded 1 syndicated copies" in summary


def test_unrelated_articles_and_a_footer_naming_itself_are_untouched():
    own = _record(ORIGINAL, "jateng", "2025-10-05T10:00:00+07:00", title=TITLE)
    own["syndicated_from"] = {"site_name": "TribunJateng.com", "url": ORIGINAL, "title": TITLE}
    same_title_other_site = _record(
        "https://www.tribunnews.com/regional/2025/10/05/banjir",
        "www",
        "2025-10-05T07:00:00+07:00",
        title=TITLE,  # the same headline, no footer: another newsroom's story
    )
    records = [own, same_title_other_site, *UNRELATED]
    kept, folded = dedupe_syndicated(records)
    assert kept == records
    assert folded == 0


def test_site_names_and_titles_compare_in_one_form():
    assert site_label("TribunJateng.com") == site_label("Tribun Jateng") == "tribunjateng"
    assert site_label("Tribunnews.com") == "tribunnews"
    assert title_key("Banjir  Rob, Rendam!") == title_key("banjir rob rendam")
