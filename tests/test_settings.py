"""newscrawl/settings.py holds only what differs from Scrapy's defaults, and code agrees with it."""

from __future__ import annotations

import re
from ast import literal_eval
from pathlib import Path

from scrapy.settings import default_settings

from newscrawl import settings

ROOT = Path(__file__).resolve().parents[1]
OURS = {name: getattr(settings, name) for name in dir(settings) if name.isupper()}


def test_no_setting_repeats_a_scrapy_default():
    repeated = [
        name
        for name, value in OURS.items()
        if hasattr(default_settings, name) and getattr(default_settings, name) == value
    ]
    assert repeated == []


def test_every_setting_has_a_comment_saying_why():
    lines = (ROOT / "newscrawl" / "settings.py").read_text(encoding="utf-8").splitlines()
    bare = []
    for number, line in enumerate(lines):
        match = re.match(r"([A-Z][A-Z0-9_]+) = ", line)
        if not match or match.group(1) in {"BOT_NAME", "SPIDER_MODULES", "NEWSPIDER_MODULE"}:
            continue
        above = lines[number - 1] if number else ""
        if not (above.startswith("#") or re.match(r"[A-Z][A-Z0-9_]+ = ", above) or "#" in line):
            bare.append(match.group(1))
    assert bare == []


FALLBACK = re.compile(r'\.get(?:int|float|bool)\(\s*"(NEWSCRAWL_[A-Z_]+)",\s*([^)\s]+?)\s*\)')


def test_code_fallbacks_equal_the_settings_defaults():
    seen = 0
    for path in (ROOT / "newscrawl").rglob("*.py"):
        for name, fallback in FALLBACK.findall(path.read_text(encoding="utf-8")):
            assert name in OURS, (path.name, name)
            if fallback.startswith("defaults."):
                assert fallback == f"defaults.{name}", (path.name, name)
            else:
                assert literal_eval(fallback) == OURS[name], (path.name, name, fallback)
            seen += 1
    assert seen >= 5


def test_docs_the_settings_cite_exist():
    text = (ROOT / "newscrawl" / "settings.py").read_text(encoding="utf-8")
    cited = set(re.findall(r"docs/[\w.-]+\.md", text))
    assert cited
    assert [doc for doc in sorted(cited) if not (ROOT / doc).is_file()] == []


def test_spider_defaults_are_the_settings():
    from newscrawl.spiders.tribun import TribunSpider

    assert TribunSpider.use_sitemaps is settings.NEWSCRAWL_SITEMAPS
    assert TribunSpider.max_index_pages == settings.NEWSCRAWL_MAX_INDEX_PAGES
