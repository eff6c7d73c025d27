"""The README's first command: ``newscrawl demo`` crawls the bundled replica to JSONL and CSV."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from newscrawl.demo import DEMO_SINCE, DEMO_SITES, DEMO_UNTIL
from newscrawl.replica import expected_articles


def test_demo_writes_every_expected_article_as_jsonl_and_csv(tmp_path):
    out = tmp_path / "demo"
    result = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "demo", "--out", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    items = [json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]
    expected = {
        a.url for a in expected_articles(DEMO_SITES.split(","), since=DEMO_SINCE, until=DEMO_UNTIL)
    }
    assert sorted(i["url"] for i in items) == sorted(expected)
    with (out / "articles.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(items)
    # The demo's CSV comes from the one CSV writer: the bytes `newscrawl export` writes.
    from newscrawl.export import write_csv

    expected = tmp_path / "expected.csv"
    write_csv(items, expected)
    assert (out / "articles.csv").read_bytes() == expected.read_bytes()
    assert f"demo: {len(items)} articles" in result.stdout
