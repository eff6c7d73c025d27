"""Incremental state: the SQLite store, revision numbering, seen-skip, crash-safe feed files.

Units only (no crawl): the pipeline and the middleware get a real ``Crawler`` from
``get_crawler`` and are driven through the same signals the engine sends. The end-to-end
behaviour over the replica is in ``test_nightly.py``.
"""

from __future__ import annotations

import gzip
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.test import get_crawler

from newscrawl.feeds import AtomicFileFeedStorage, SiteItemFilter, part_path, remove_stale_parts
from newscrawl.items import ArticleItem
from newscrawl.middlewares import SeenArticleMiddleware
from newscrawl.state import StatePipeline, UnchangedArticle, store_for
from newscrawl.statedb import ExportedRow, StateDB, content_hash

NOW = datetime.now(UTC)


def _item(url: str = "https://solo.tribunnews.com/2025/10/05/a", **kw: Any) -> ArticleItem:
    fields = {
        "site": "solo",
        "title": "Judul",
        "body": "Paragraf satu.\n\nParagraf dua.",
        "published_at": (NOW - timedelta(days=10)).isoformat(),
        "crawled_at": NOW.isoformat(),
        **kw,
    }
    return ArticleItem(url=url, **fields)


def _crawler(tmp_path: Path, **settings: Any) -> Any:
    base = {
        "NEWSCRAWL_STATE_ENABLED": True,
        "NEWSCRAWL_DATA_DIR": str(tmp_path),
        "FEEDS": {str(tmp_path / "out.jsonl"): {"format": "jsonlines"}},
        "EXTENSIONS": {"newscrawl.state.StateStore": 100},
    }
    return get_crawler(settings_dict={**base, **settings})


def _pipeline(crawler: Any) -> StatePipeline:
    pipeline = StatePipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def _export(crawler: Any, pipeline: StatePipeline, item: Any) -> Any:
    """Run the item through the pipeline and 'export' it (the item_scraped signal)."""
    out = pipeline.process_item(item)
    crawler.signals.send_catch_log(signals.item_scraped, item=out, response=None, spider=None)
    return out


def _close_feeds(crawler: Any) -> None:
    crawler.signals.send_catch_log(signals.feed_exporter_closed)
    store_for(crawler).close()


# --- content hash and database -----------------------------------------------------------------
def test_content_hash_ignores_rewrapping_but_not_words() -> None:
    base = content_hash("Judul", "Satu dua.\n\nTiga.")
    assert content_hash(" Judul ", "Satu  dua.\n\n Tiga.") == base
    assert content_hash("Judul", "Satu dua.\n\nEmpat.") != base
    assert content_hash("Judul baru", "Satu dua.\n\nTiga.") != base
    assert content_hash(None, None) == content_hash("", "")


def test_statedb_commit_lookup_and_reset(tmp_path: Path) -> None:
    path = tmp_path / "s" / "state.sqlite3"
    with StateDB(path) as db:
        db.start_run("r1")
        row = ExportedRow("https://x/1", "solo", "h1", 1, "2025-10-05T10:00:00+07:00")
        assert db.commit_run("r1", [row]) == 1
        known = db.lookup("https://x/1")
        assert known is not None
        assert (known.content_hash, known.revision, known.site) == ("h1", 1, "solo")
        assert known.first_seen == known.last_seen
        # A later revision replaces hash and revision but keeps first_seen.
        db.commit_run("r2", [ExportedRow("https://x/1", "solo", "h2", 2, None)])
        again = db.lookup("https://x/1")
        assert again is not None
        assert (again.content_hash, again.revision, again.first_seen) == ("h2", 2, known.first_seen)
        assert again.published_at == "2025-10-05T10:00:00+07:00"  # kept when the row has none
        # An older revision never overwrites a newer one.
        db.commit_run("r3", [ExportedRow("https://x/1", "solo", "h1", 1, None)])
        assert db.lookup("https://x/1").revision == 2  # type: ignore[union-attr]
        assert db.reset() == 1
        assert db.lookup("https://x/1") is None
    # Reopening an existing file works (schema is idempotent).
    with StateDB(path) as db:
        assert db.count() == 0


# --- pipeline ----------------------------------------------------------------------------------
def test_pipeline_not_configured_when_state_off(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path, NEWSCRAWL_STATE_ENABLED=False)
    with pytest.raises(NotConfigured):
        StatePipeline.from_crawler(crawler)
    with pytest.raises(NotConfigured):
        SeenArticleMiddleware.from_crawler(crawler)


def test_revisions_across_runs(tmp_path: Path) -> None:
    # Run 1: a new article is revision 1 and is recorded when the feed closes.
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    first = _export(crawler, pipeline, _item())
    assert first.revision == 1
    assert crawler.stats.get_value("newscrawl/state/new") == 1
    _close_feeds(crawler)
    assert crawler.stats.get_value("newscrawl/state/committed") == 1

    # Run 2: the same text is dropped as unchanged; a changed body becomes revision 2.
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    with pytest.raises(UnchangedArticle):
        pipeline.process_item(_item())
    assert crawler.stats.get_value("newscrawl/state/unchanged") == 1
    changed = _export(crawler, pipeline, _item(body="Paragraf satu.\n\nKoreksi."))
    assert changed.revision == 2
    assert changed.modified_at == changed.crawled_at  # no dateModified → crawl time
    assert crawler.stats.get_value("newscrawl/state/updated") == 1
    _close_feeds(crawler)

    # Run 3: a changed title with the site's own dateModified → revision 3, that modified_at.
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    third = _export(
        crawler,
        pipeline,
        _item(title="Judul (ralat)", body="Paragraf satu.\n\nKoreksi.", modified_at="X"),
    )
    assert (third.revision, third.modified_at) == (3, "X")
    _close_feeds(crawler)
    with StateDB(tmp_path / "state.sqlite3") as db:
        assert db.lookup(_item().url).revision == 3  # type: ignore[union-attr]


def test_nothing_recorded_before_the_feed_closes(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    _export(crawler, pipeline, _item())
    store_for(crawler).close()  # the run dies here: no feed_exporter_closed
    with StateDB(tmp_path / "state.sqlite3") as db:
        assert db.lookup(_item().url) is None


def test_items_dropped_after_the_pipeline_are_not_recorded(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    pipeline.process_item(_item())  # processed but never reaches item_scraped
    _close_feeds(crawler)
    with StateDB(tmp_path / "state.sqlite3") as db:
        assert db.lookup(_item().url) is None


def test_failed_feed_store_records_nothing(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    _export(crawler, pipeline, _item())
    crawler.stats.inc_value("feedexport/failed_count/AtomicFileFeedStorage")
    _close_feeds(crawler)
    with StateDB(tmp_path / "state.sqlite3") as db:
        assert db.lookup(_item().url) is None


def test_reset_setting_forgets_everything(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    _export(crawler, pipeline, _item())
    _close_feeds(crawler)
    crawler = _crawler(tmp_path, NEWSCRAWL_STATE_RESET=True)
    pipeline = _pipeline(crawler)
    assert crawler.stats.get_value("newscrawl/state/reset") == 1
    assert _export(crawler, pipeline, _item()).revision == 1


def test_recovery_imports_a_run_killed_between_rename_and_commit(tmp_path: Path) -> None:
    """The output file is in place but the state transaction never ran."""
    out = tmp_path / "solo" / "2025-10-06" / "tribun-1.jsonl"
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    storage = AtomicFileFeedStorage.from_crawler(crawler, str(out), feed_options={})
    fh = storage.open(None)  # type: ignore[arg-type]
    item = _export(crawler, pipeline, _item(body="Isi yang diekspor."))
    fh.write(json.dumps(item.__dict__).encode() + b"\n")
    storage.store(fh)
    store_for(crawler).close()  # killed: feed_exporter_closed never fired
    assert out.is_file()

    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)  # opening the state recovers the open run
    assert crawler.stats.get_value("newscrawl/state/recovered") == 1
    with pytest.raises(UnchangedArticle):
        pipeline.process_item(_item(body="Isi yang diekspor."))


def test_recovery_ignores_a_run_killed_before_its_file_was_complete(tmp_path: Path) -> None:
    out = tmp_path / "solo" / "2025-10-06" / "tribun-1.jsonl"
    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    storage = AtomicFileFeedStorage.from_crawler(crawler, str(out), feed_options={})
    fh = storage.open(None)  # type: ignore[arg-type]
    item = _export(crawler, pipeline, _item())
    fh.write(json.dumps(item.__dict__).encode()[:40])  # killed mid-line, before store()
    fh.close()
    store_for(crawler).close()
    assert not out.exists()
    assert part_path(out).exists()

    crawler = _crawler(tmp_path)
    pipeline = _pipeline(crawler)
    assert not crawler.stats.get_value("newscrawl/state/recovered")
    assert _export(crawler, pipeline, _item()).revision == 1


# --- seen-skip middleware ----------------------------------------------------------------------
def _seed(tmp_path: Path, *rows: ExportedRow) -> None:
    with StateDB(tmp_path / "state.sqlite3") as db:
        db.commit_run("seed", rows)


def test_middleware_skips_exported_articles_outside_the_recheck_window(tmp_path: Path) -> None:
    old = ExportedRow(
        "https://solo.tribunnews.com/old", "solo", "h", 1, "2025-10-05T10:00:00+07:00"
    )
    young = ExportedRow("https://solo.tribunnews.com/young", "solo", "h", 1, NOW.isoformat())
    _seed(tmp_path, old, young)
    crawler = _crawler(tmp_path, NEWSCRAWL_RECHECK_DAYS=2)
    mw = SeenArticleMiddleware.from_crawler(crawler)
    mw.spider_opened()

    def req(url: str, role: str | None) -> Request:
        return Request(url, meta={"newscrawl_role": role} if role else {})

    with pytest.raises(IgnoreRequest, match="exported as revision 1"):
        mw.process_request(req(old.url, "article"))
    assert mw.process_request(req(young.url, "article")) is None  # re-checked
    assert mw.process_request(req("https://solo.tribunnews.com/new", "article")) is None
    # Listings and later pages are never skipped, whatever the state says.
    assert mw.process_request(req(old.url, None)) is None
    assert mw.process_request(req(old.url + "?page=2", "article_page")) is None
    assert mw.process_request(req(old.url, "article_page")) is None
    stats = crawler.stats
    assert stats.get_value("newscrawl/state/skipped_seen") == 1
    assert stats.get_value("newscrawl/state/rechecked") == 1


def test_recheck_window_is_configurable(tmp_path: Path) -> None:
    old = ExportedRow(
        "https://solo.tribunnews.com/old", "solo", "h", 1, "2025-10-05T10:00:00+07:00"
    )
    _seed(tmp_path, old)
    crawler = _crawler(tmp_path, NEWSCRAWL_RECHECK_DAYS=100000)
    mw = SeenArticleMiddleware.from_crawler(crawler)
    mw.spider_opened()
    assert mw.process_request(Request(old.url, meta={"newscrawl_role": "article"})) is None


# --- feed storage ------------------------------------------------------------------------------
def test_atomic_storage_writes_part_then_renames(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "run.jsonl"
    storage = AtomicFileFeedStorage(str(out), feed_options={"overwrite": True})
    fh = storage.open(None)  # type: ignore[arg-type]
    fh.write(b'{"url": "x"}\n')
    assert not out.exists()
    assert part_path(out) == out.with_name(".run.jsonl.part")
    assert part_path(out).exists()
    storage.store(fh)
    assert out.read_bytes() == b'{"url": "x"}\n'
    assert not part_path(out).exists()


def test_atomic_storage_append_mode_keeps_earlier_content(tmp_path: Path) -> None:
    out = tmp_path / "run.jsonl"
    out.write_bytes(b"old\n")
    storage = AtomicFileFeedStorage(f"file://{out}", feed_options={"overwrite": False})
    fh = storage.open(None)  # type: ignore[arg-type]
    fh.write(b"new\n")
    assert out.read_bytes() == b"old\n"  # untouched until complete
    storage.store(fh)
    assert out.read_bytes() == b"old\nnew\n"


def test_atomic_storage_with_gzip_postprocessing(tmp_path: Path) -> None:
    from scrapy.extensions.postprocessing import PostProcessingManager

    out = tmp_path / "run.jsonl.gz"
    storage = AtomicFileFeedStorage(str(out), feed_options={"overwrite": True})
    raw = storage.open(None)  # type: ignore[arg-type]
    options = {"postprocessing": ["scrapy.extensions.postprocessing.GzipPlugin"]}
    wrapped = PostProcessingManager(options["postprocessing"], raw, options)
    wrapped.write(b'{"url": "x"}\n')
    wrapped.close()  # what FeedExporter._get_file does before store()
    storage.store(wrapped.file)
    assert gzip.decompress(out.read_bytes()) == b'{"url": "x"}\n'


def test_remove_stale_parts(tmp_path: Path) -> None:
    (tmp_path / "solo" / "d").mkdir(parents=True)
    stale = tmp_path / "solo" / "d" / ".tribun-1.jsonl.part"
    stale.write_bytes(b"{")
    keep = tmp_path / "solo" / "d" / "tribun-1.jsonl"
    keep.write_bytes(b"")
    assert remove_stale_parts(tmp_path) == [stale]
    assert keep.exists()
    assert not stale.exists()
    assert remove_stale_parts(tmp_path / "missing") == []


def test_site_item_filter() -> None:
    only_solo = SiteItemFilter({"newscrawl_site": "solo"})
    assert only_solo.accepts(_item(site="solo"))
    assert not only_solo.accepts(_item(site="makassar"))
    assert SiteItemFilter({}).accepts(_item(site="makassar"))


def test_state_path_defaults_under_data_dir(tmp_path: Path) -> None:
    from newscrawl.state import state_path

    crawler = _crawler(tmp_path)
    assert state_path(crawler.settings) == tmp_path / "state.sqlite3"
    crawler = _crawler(tmp_path, NEWSCRAWL_STATE_PATH=str(tmp_path / "x.db"))
    assert state_path(crawler.settings) == tmp_path / "x.db"
    assert os.fspath(state_path(crawler.settings)).endswith("x.db")
