"""Analyst CSV: latest revision per article, range and site selection, Excel-safe encoding.

The round-trip tests read the CSV back with Python's ``csv`` module and compare every cell;
the byte-level tests check what Excel relies on: the UTF-8 BOM, CRLF row ends, quoted cells
with line breaks, and formula neutralisation.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from newscrawl.cli import main
from newscrawl.export import (
    cell,
    export,
    find_feed_files,
    latest_revisions,
    published_local_date,
)
from newscrawl.items import ARTICLE_FIELDS

TRICKY_BODY = 'Kata “pertama” — l’été à Café.\n\nBaris kedua, dengan koma; dan "kutip".\r\nAkhir.'


def record(url: str, **kw: Any) -> dict[str, Any]:
    base = {
        "url": url,
        "site": "solo",
        "title": "Judul",
        "body": "Isi.",
        "authors": ["Ani", "Budi"],
        "tags": None,
        "published_at": "2025-10-05T10:00:00+07:00",
        "is_partial": False,
        "word_count": 1,
        "crawled_at": "2025-10-06T01:00:00+00:00",
        "revision": 1,
    }
    return {**base, **kw}


def write_feed(path: Path, records: list[dict[str, Any]], extra_lines: list[bytes] = ()) -> None:  # type: ignore[assignment]
    path.parent.mkdir(parents=True, exist_ok=True)
    data = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)
    data += b"".join(extra_lines)
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


# --- cells -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "neutralise", "expected"),
    [
        (None, True, ""),
        (True, True, "true"),
        (False, True, "false"),
        (3, True, "3"),
        (["Ani", "Budi"], True, "Ani; Budi"),
        ([], True, ""),
        ('=HYPERLINK("http://x")', True, '\'=HYPERLINK("http://x")'),
        ("+62 812", True, "'+62 812"),
        ("-5 persen", True, "'-5 persen"),
        ("@budi", True, "'@budi"),
        ("\tx", True, "'\tx"),
        ("\rx", True, "'\rx"),
        (["=cmd", "b"], True, "'=cmd; b"),
        ("a=b", True, "a=b"),
        ("=1+1", False, "=1+1"),
        ("-5", False, "-5"),
    ],
)
def test_cell(value: Any, neutralise: bool, expected: str) -> None:
    assert cell(value, neutralise=neutralise) == expected


def test_latest_revision_wins_then_latest_crawl() -> None:
    records = [
        record("u1", revision=1, title="a"),
        record("u1", revision=3, title="c", crawled_at="2025-10-06T00:00:00+00:00"),
        record("u1", revision=2, title="b"),
        record("u2", revision=1, title="x", crawled_at="2025-10-06T01:00:00+00:00"),
        record("u2", revision=1, title="y", crawled_at="2025-10-07T01:00:00+00:00"),
    ]
    latest = latest_revisions(records)
    assert {u: r["title"] for u, r in latest.items()} == {"u1": "c", "u2": "y"}


def test_published_local_date_uses_the_sites_offset() -> None:
    # 00:10 WITA on 6 October is 5 October in UTC and WIB: the site's own date counts.
    assert str(published_local_date(record("u", published_at="2025-10-06T00:10:00+08:00"))) == (
        "2025-10-06"
    )
    assert published_local_date(record("u", published_at=None)) is None
    assert published_local_date(record("u", published_at="kemarin")) is None


# --- files -------------------------------------------------------------------------------------
def test_find_feed_files(tmp_path: Path) -> None:
    for rel in [
        "solo/2025-10-04/tribun-a.jsonl",
        "solo/2025-10-05/tribun-b.jsonl",
        "solo/2025-10-07/tribun-c.jsonl.gz",
        "solo/2025-10-07/.tribun-d.jsonl.part",
        "solo/2025-10-07/tribun-e.report.json",
        "makassar/2025-10-06/tribun-f.jsonl",
        "runs/2025-10-06/tribun-g.jsonl",
        "solo/notadate/tribun-h.jsonl",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"")
    names = [p.name for p in find_feed_files(tmp_path, since=None)]
    assert names == ["tribun-f.jsonl", "tribun-a.jsonl", "tribun-b.jsonl", "tribun-c.jsonl.gz"]
    # From one day before `since` on; any later run may hold a newer revision.
    names = [p.name for p in find_feed_files(tmp_path, ["solo"], since=_d("2025-10-06"))]
    assert names == ["tribun-b.jsonl", "tribun-c.jsonl.gz"]


def _d(value: str) -> Any:
    from datetime import date

    return date.fromisoformat(value)


def test_export_round_trip_and_bytes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    tricky = record(
        "https://solo.tribunnews.com/2025/10/05/tricky",
        title="=SUM(A1:A9) “Judul” l’été",
        body=TRICKY_BODY,
        authors=["Ané", "@budi"],
        tags=["-minus", "Politik"],
        is_partial=True,
        revision=2,
        modified_at="2025-10-05T12:00:00+07:00",
    )
    plain = record(
        "https://solo.tribunnews.com/2025/10/05/plain", published_at="2025-10-05T09:00:00+07:00"
    )
    write_feed(data / "solo/2025-10-05/tribun-1.jsonl", [plain, record(tricky["url"], revision=1)])
    write_feed(data / "solo/2025-10-06/tribun-2.jsonl.gz", [tricky])
    out = tmp_path / "out.csv"

    stats = export(data, out, since=_d("2025-10-05"), until=_d("2025-10-05"))
    assert stats.articles == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    assert raw.count(b"\r\n") >= 3  # CRLF row ends
    assert "“Judul” l’été".encode() in raw
    rows = read_csv(out)
    assert rows[0] == list(ARTICLE_FIELDS)
    assert [r[0] for r in rows[1:]] == [plain["url"], tricky["url"]]  # chronological
    got = dict(zip(ARTICLE_FIELDS, rows[2], strict=True))
    assert got["title"] == "'=SUM(A1:A9) “Judul” l’été"
    assert got["body"] == TRICKY_BODY  # line breaks (LF and CRLF) survive inside the cell
    assert got["authors"] == "Ané; @budi"  # only the cell start matters
    assert got["tags"] == "'-minus; Politik"
    assert got["is_partial"] == "true"
    assert got["revision"] == "2"
    assert got["lead"] == ""  # absent → empty
    assert got["modified_at"] == "2025-10-05T12:00:00+07:00"

    # Without neutralisation, every cell is the value itself.
    stats = export(data, out, since=_d("2025-10-05"), until=_d("2025-10-05"), neutralise=False)
    got = dict(zip(ARTICLE_FIELDS, read_csv(out)[2], strict=True))
    assert got["title"] == tricky["title"]
    assert got["tags"] == "-minus; Politik"


def test_export_filters_sites_and_dates_and_counts_bad_lines(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_feed(
        data / "solo/2025-10-06/tribun-1.jsonl",
        [
            record("https://solo.tribunnews.com/a", published_at="2025-10-05T23:00:00+07:00"),
            record("https://solo.tribunnews.com/b", published_at="2025-10-06T01:00:00+07:00"),
        ],
        extra_lines=[b'{"url": "https://solo.tribunnews.com/cut", "tit', b"\n[1, 2]\n", b"\n"],
    )
    write_feed(
        data / "makassar/2025-10-06/tribun-1.jsonl",
        [record("https://makassar.tribunnews.com/c", site="makassar")],
    )
    out = tmp_path / "x.csv"
    stats = export(data, out, sites=["solo"], since=_d("2025-10-06"), until=_d("2025-10-06"))
    assert [r[0] for r in read_csv(out)[1:]] == ["https://solo.tribunnews.com/b"]
    assert stats.articles == 1
    assert stats.out_of_range == 1
    assert [n for _, n in stats.invalid] == [3, 4]
    assert stats.lines == 4


def test_export_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    write_feed(
        data / "solo/2025-10-05/tribun-1.jsonl",
        [record("https://solo.tribunnews.com/a", title="-awas")],
        extra_lines=[b"not json\n"],
    )
    out = tmp_path / "o.csv"
    code = main(["export", "--data-dir", str(data), "--since", "2025-10-05", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert "1 article(s)" in captured.out
    assert "skipped 1 invalid line(s)" in captured.err
    assert read_csv(out)[1][ARTICLE_FIELDS.index("title")] == "'-awas"

    code = main(["export", "--data-dir", str(data), "--out", str(out), "--no-neutralise"])
    assert code == 0
    assert read_csv(out)[1][ARTICLE_FIELDS.index("title")] == "-awas"

    # Usage errors exit 2.
    assert main(["export", "--data-dir", str(data), "--site", "nosuchsite"]) == 2
    assert main(["export", "--data-dir", str(tmp_path / "none")]) == 2
    args = ["export", "--data-dir", str(data), "--since", "2025-10-06", "--until", "2025-10-05"]
    assert main(args) == 2
    with pytest.raises(SystemExit) as exc:
        main(["export", "--since", "yesterday"])
    assert exc.value.code == 2
