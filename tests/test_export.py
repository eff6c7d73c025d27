"""Analyst CSV: latest revision per article, range and site selection, Excel-safe encoding.

The round-trip tests read the CSV back with Python's ``csv`` module and compare every cell;
the byte-level tests check what Excel relies on: the UTF-8 BOM, CRLF row ends, quoted cells
with line breaks, and formula neutralisation.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from newscrawl.cli import main
from newscrawl.export import (
    export,
    find_feed_files,
    latest_revisions,
    published_local_date,
)
from newscrawl.exporters import CSV_COLUMNS, cell, split_list_cell

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
        # Numbers are numbers, not text: never prefixed (a spreadsheet reads -3 as -3).
        (-3, True, "-3"),
        (0, True, "0"),
        ("-3", True, "'-3"),
        # An element containing "; " must not read as two elements.
        (["Pilkada; DKI", "Jakarta"], True, "Pilkada\\; DKI; Jakarta"),
        (["a\\b"], True, "a\\\\b"),
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
    assert rows[0] == list(CSV_COLUMNS)
    assert [r[0] for r in rows[1:]] == [plain["url"], tricky["url"]]  # chronological
    got = dict(zip(CSV_COLUMNS, rows[2], strict=True))
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
    got = dict(zip(CSV_COLUMNS, read_csv(out)[2], strict=True))
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
    assert read_csv(out)[1][CSV_COLUMNS.index("title")] == "'-awas"

    code = main(["export", "--data-dir", str(data), "--out", str(out), "--no-neutralise"])
    assert code == 0
    assert read_csv(out)[1][CSV_COLUMNS.index("title")] == "-awas"

    # Usage errors exit 2.
    assert main(["export", "--data-dir", str(data), "--site", "nosuchsite"]) == 2
    assert main(["export", "--data-dir", str(tmp_path / "none")]) == 2
    args = ["export", "--data-dir", str(data), "--since", "2025-10-06", "--until", "2025-10-05"]
    assert main(args) == 2
    with pytest.raises(SystemExit) as exc:
        main(["export", "--since", "yesterday"])
    assert exc.value.code == 2


@pytest.mark.parametrize(
    "elements",
    [["Pilkada; DKI", "Jakarta"], ["a;", " b"], ["x\\", "y"], ["\\;", ";;", ""], ["solo"], []],
)
def test_list_cells_split_back_into_the_same_elements(elements: list[str]) -> None:
    assert split_list_cell(cell(elements, neutralise=False)) == elements


def _feed_exporter(file: Any, **kwargs: Any) -> Any:
    """The exporter `scrapy crawl -O x.csv` uses, built as Scrapy's feed exporter builds it."""
    from scrapy.utils.misc import build_from_crawler, load_object
    from scrapy.utils.project import get_project_settings
    from scrapy.utils.test import get_crawler

    settings = get_project_settings()
    crawler = get_crawler(settings_dict=dict(settings))
    cls = load_object(settings.getdict("FEED_EXPORTERS")["csv"])
    return build_from_crawler(
        cls, crawler, file, fields_to_export=None, encoding="utf-8", indent=None, **kwargs
    )


def test_feed_csv_neutralises_formulas_like_export(tmp_path: Path) -> None:
    """`-O x.csv` (FEED_EXPORTERS["csv"]) and `newscrawl export` write the same bytes."""
    from newscrawl.export import write_csv

    records = [
        record(
            "https://solo.tribunnews.com/f",
            title='=HYPERLINK("http://x")',
            lead="+62 812",
            body="@budi",
            tags=["-5 persen", "Pilkada; DKI"],
            word_count=-3,
            is_partial=False,
        )
    ]
    feed = tmp_path / "feed.csv"
    with feed.open("wb") as fh:
        exporter = _feed_exporter(fh)
        exporter.start_exporting()
        for r in records:
            exporter.export_item(r)
        exporter.finish_exporting()
    exported = tmp_path / "export.csv"
    write_csv(records, exported)
    assert feed.read_bytes() == exported.read_bytes()
    header, row = read_csv(feed)
    cells = dict(zip(header, row, strict=True))
    assert cells["title"] == '\'=HYPERLINK("http://x")'
    assert cells["lead"] == "'+62 812"
    assert cells["body"] == "'@budi"
    assert cells["tags"] == "'-5 persen; Pilkada\\; DKI"
    assert cells["word_count"] == "-3"
    assert cells["is_partial"] == "false"
    assert feed.read_bytes().startswith(b"\xef\xbb\xbfurl,site,")


def test_scrapy_crawl_csv_equals_export_of_the_same_items(tmp_path: Path, replica_env: Any) -> None:
    """The public path: `scrapy crawl tribun -O x.jsonl -O x.csv` → its CSV has exactly the
    bytes `newscrawl export`'s writer gives for the items of its JSON Lines file."""
    import subprocess
    import sys

    from newscrawl.export import write_csv

    jsonl, feed_csv = tmp_path / "x.jsonl", tmp_path / "x.csv"
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "tribun", "-a", "site=solo",
         "-a", "since=2025-10-05", "-a", "until=2025-10-06", "-O", str(jsonl),
         "-O", str(feed_csv), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
         "-s", "LOG_LEVEL=WARNING"],
        cwd=Path(__file__).resolve().parents[1], env={**replica_env, "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path)}, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    items = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(items) > 5
    expected = tmp_path / "expected.csv"
    write_csv(items, expected)
    assert feed_csv.read_bytes() == expected.read_bytes()


# --- --out ---------------------------------------------------------------------------------
@pytest.fixture
def one_article(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    write_feed(data / "solo/2025-10-05/tribun-1.jsonl", [record("https://solo.tribunnews.com/a")])
    return data


def _leftovers(*dirs: Path) -> list[Path]:
    return [p for d in dirs for p in d.rglob("*.part")]


def test_export_out_through_a_symlink_keeps_the_link(one_article: Path, tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "shared.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(target)
    assert main(["export", "--data-dir", str(one_article), "--out", str(link)]) == 0
    assert link.is_symlink()
    assert link.resolve() == target
    assert read_csv(target)[1][0] == "https://solo.tribunnews.com/a"
    # A dangling link is followed too: its target is created, the link stays.
    dangling = tmp_path / "next.csv"
    dangling.symlink_to(real_dir / "new.csv")
    assert main(["export", "--data-dir", str(one_article), "--out", str(dangling)]) == 0
    assert dangling.is_symlink()
    assert read_csv(real_dir / "new.csv")[1][0] == "https://solo.tribunnews.com/a"
    assert _leftovers(tmp_path) == []


def test_export_out_to_a_fifo_writes_through(one_article: Path, tmp_path: Path) -> None:
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with fifo.open("rb") as fh:
            received.append(fh.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    code = main(["export", "--data-dir", str(one_article), "--out", str(fifo)])
    thread.join(10)
    if thread.is_alive():  # the export never opened the FIFO: unblock the reader
        # Non-blocking: if the reader is already gone, opening for write must not wait for one.
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(10)
    assert code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced by a regular file"
    assert received[0].startswith(b"\xef\xbb\xbfurl,")
    assert b"https://solo.tribunnews.com/a" in received[0]
    assert _leftovers(tmp_path) == []


def test_export_to_stdout_device_keeps_the_csv_alone_on_stdout(one_article: Path) -> None:
    """``--out /dev/stdout`` is a link to the process's fd 1. The test names it ``/dev/fd/1``
    (the same kind of link, in a directory nobody can create files in), so that a regression
    run as root can fail this test but never replace the machine's /dev/stdout."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "export", "--data-dir", str(one_article),
         "--out", "/dev/fd/1"],
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"\xef\xbb\xbfurl,")
    assert result.stdout.count(b"\r\n") == 2
    assert b"1 article(s)" in result.stderr


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("", "--out is empty"),
        ("  ", "--out is empty"),
        ("{tmp}", "is a directory"),
        ("{tmp}/missing/x.csv", "does not exist"),
    ],
)
def test_bad_out_is_a_one_line_error_and_leaves_nothing(
    one_article: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    out: str,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative name such as "  " must not land in the repo
    before = sorted(tmp_path.rglob("*"))
    code = main(["export", "--data-dir", str(one_article), "--out", out.format(tmp=tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert sorted(tmp_path.rglob("*")) == before


def test_appending_to_a_feed_csv_adds_rows_only(tmp_path: Path) -> None:
    """`-o x.csv` on an existing file: no second BOM or header in the middle of it."""
    path = tmp_path / "x.csv"
    for url in ("https://solo.tribunnews.com/1", "https://solo.tribunnews.com/2"):
        with path.open("ab") as fh:
            exporter = _feed_exporter(fh)
            exporter.start_exporting()
            exporter.export_item(record(url))
            exporter.finish_exporting()
    data = path.read_bytes()
    assert data.count(b"\xef\xbb\xbf") == 1
    rows = read_csv(path)
    assert [r[0] for r in rows] == [
        "url",
        "https://solo.tribunnews.com/1",
        "https://solo.tribunnews.com/2",
    ]
