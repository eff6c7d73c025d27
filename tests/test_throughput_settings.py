"""Settings that keep Scrapy's per-request overhead down, and the checks they move into tests.

``WARN_ON_GENERATOR_RETURN_VALUE`` is off in the project settings because Scrapy would re-read
and re-parse a generator callback's source again and again during a crawl (its cache is keyed
by short-lived bound methods); the same check runs here once, on every callback.
"""

from __future__ import annotations

import inspect

import pytest
from scrapy.utils.misc import is_generator_with_return_value
from scrapy.utils.project import get_project_settings

from newscrawl.spiders.tribun import TribunSpider

CALLBACKS = sorted(
    name
    for name, member in inspect.getmembers(TribunSpider, inspect.isfunction)
    if name.startswith("parse") or name.endswith("_failed")
)


def test_callbacks_are_found():
    assert {"parse_article", "parse_listing", "parse_sitemap", "listing_failed"} <= set(CALLBACKS)


@pytest.mark.parametrize("name", CALLBACKS)
def test_no_generator_callback_returns_a_value(name):
    # The parse callbacks are generators run to their end by ``output_as_list``: check the
    # generator itself, where a ``return value`` would be lost.
    assert not is_generator_with_return_value(inspect.unwrap(getattr(TribunSpider, name)))


def test_the_check_reaches_the_generators_behind_the_list_callbacks():
    parse = [name for name in CALLBACKS if name.startswith("parse_")]
    assert parse
    assert all(inspect.isgeneratorfunction(inspect.unwrap(getattr(TribunSpider, n))) for n in parse)


def test_the_check_finds_a_generator_that_returns_a_value():
    def callback(response):
        yield response
        return "lost"

    assert is_generator_with_return_value(callback)


def test_project_settings_turn_the_per_request_costs_off():
    settings = get_project_settings()
    assert settings.getint("CONCURRENT_ITEMS") == 1
    assert not settings.getbool("WARN_ON_GENERATOR_RETURN_VALUE")
