"""Saved pages through the crawl's own code: the gold set on disk and the item chain.

:func:`extract_story` is what a crawl does to the pages of one story, without the network:
the one story merge (:func:`newscrawl.story.build_story`), then every item pipeline of the
``ITEM_PIPELINES`` setting, in its order, built with ``from_crawler`` as Scrapy builds them.
A new pipeline in the settings is run here too; nothing is re-chained by hand.

Gold set layout (web-poet style), one folder per case under ``tests/gold/``::

    <case>/inputs/page1.html [page2.html …]   the pages of one story, page 1 first
    <case>/meta.json     url, page_urls, frozen_time (UTC fetch time), source, saved_at, …
    <case>/output.json   the expected value of every ArticleItem field but crawled_at/revision

``meta.json``'s ``source`` says where the pages come from: ``real …`` for pages saved from the
real site (or verbatim fragments of them), anything else (``hand-made …``, ``replica render
…``) for pages this project made. Shared by ``tests/test_gold.py``, ``tests/gold/update.py``,
``bench/evaluate.py`` and ``bench/bench_extract.py``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.reactor import install_reactor, is_reactor_installed
from scrapy.utils.test import get_crawler

from newscrawl.items import ArticleItem
from newscrawl.story import build_story

GOLD_DIR = Path(__file__).resolve().parent / "gold"
IGNORED_FIELDS = frozenset({"crawled_at", "revision"})


def project_settings() -> Settings:
    """newscrawl's settings module, as ``scrapy crawl`` loads it."""
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    return settings


@cache
def _crawler() -> Crawler:
    """One crawler with the project settings, for the pipelines to read settings and stats."""
    settings = project_settings()
    if not is_reactor_installed():  # a script (bench/): the reactor a crawl would run on
        install_reactor(settings["TWISTED_REACTOR"])
    crawler = get_crawler(settings_dict=settings.copy_to_dict())
    crawler.stats.open_spider()
    return crawler


def item_pipelines() -> list[Any]:
    """A fresh instance of every enabled item pipeline, in ``ITEM_PIPELINES`` order."""
    crawler = _crawler()
    chain = []
    for path in build_component_list(crawler.settings.getwithbase("ITEM_PIPELINES")):
        try:
            chain.append(build_from_crawler(load_object(path), crawler))
        except NotConfigured:  # e.g. the state pipeline, off unless a nightly run turns it on
            continue
    return chain


def run_pipelines(item: ArticleItem, chain: list[Any] | None = None) -> ArticleItem:
    """``item`` through the pipelines (a ``DropItem`` propagates, as in a crawl)."""
    out: Any = item
    for pipeline in item_pipelines() if chain is None else chain:
        out = pipeline.process_item(out)
    assert isinstance(out, ArticleItem)
    return out


def extract_story(pages: list[tuple[str, str]], fetched_at: datetime) -> ArticleItem:
    """Saved pages of one story (page 1 first, as ``(html, url)``) → the finished item."""
    return run_pipelines(build_story(pages, fetched_at))


def extract_article(html: str, url: str, fetched_at: datetime) -> ArticleItem:
    """One saved page → the finished item (``is_partial`` when the story has more pages)."""
    return extract_story([(html, url)], fetched_at)


@dataclass(frozen=True)
class GoldCase:
    """One gold case folder."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @cached_property
    def meta(self) -> dict[str, Any]:
        return json.loads((self.path / "meta.json").read_text(encoding="utf-8"))

    @cached_property
    def expected(self) -> dict[str, Any]:
        return json.loads((self.path / "output.json").read_text(encoding="utf-8"))

    @property
    def is_real(self) -> bool:
        """True for pages saved from the real site, False for pages this project made."""
        return str(self.meta.get("source", "")).startswith("real")

    @property
    def fetched_at(self) -> datetime:
        return datetime.fromisoformat(self.meta["frozen_time"])

    @cached_property
    def pages(self) -> list[tuple[str, str]]:
        """(html, url) of every input page, page 1 first."""
        urls = self.meta.get("page_urls") or [self.meta["url"]]
        return [
            ((self.path / "inputs" / f"page{i}.html").read_text(encoding="utf-8"), url)
            for i, url in enumerate(urls, 1)
        ]

    def extract(self) -> dict[str, Any]:
        """newscrawl's output for this case, as a dict of the compared fields."""
        item = extract_story(self.pages, self.fetched_at)
        return {k: v for k, v in asdict(item).items() if k not in IGNORED_FIELDS}


def load_cases(gold_dir: Path | str = GOLD_DIR) -> list[GoldCase]:
    """Every case folder (one holding ``meta.json``), sorted by name."""
    root = Path(gold_dir)
    return [GoldCase(p.parent) for p in sorted(root.glob("*/meta.json"))]
