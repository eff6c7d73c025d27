"""Utf8BodyMiddleware: UTF-8 bytes are read as UTF-8 whatever the page declares; nothing else changes."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from newscrawl.encoding import DECLARED_WRONG_STAT, Utf8BodyMiddleware

URL = "https://solo.tribunnews.com/2025/10/05/a"
UTF8_DASH = "<html><body><p>SOLO – Warga</p></body></html>".encode()


@pytest.fixture
def mw():
    crawler = get_crawler()
    crawler.stats.open_spider()
    return Utf8BodyMiddleware.from_crawler(crawler)


def _html(body: bytes, content_type: str) -> HtmlResponse:
    return HtmlResponse(URL, body=body, headers={"Content-Type": content_type})


def test_utf8_under_a_latin1_header_is_read_as_utf8_and_counted(mw, caplog):
    declared = _html(UTF8_DASH, "text/html; charset=ISO-8859-1")
    assert "â€“" in declared.text  # what the page would say without the middleware
    for _ in range(2):
        got = mw.process_response(Request(URL), declared)
        assert "SOLO – Warga" in got.text
    assert mw.crawler.stats.get_value(DECLARED_WRONG_STAT) == 2
    assert len([r for r in caplog.records if "read as UTF-8" in r.getMessage()]) == 1


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("<p>caf\u00e9</p>".encode("latin-1"), "text/html; charset=ISO-8859-1"),  # real Latin-1
        (UTF8_DASH, "text/html; charset=UTF-8"),
        (b"<p>plain ASCII</p>", "text/html; charset=ISO-8859-1"),
    ],
)
def test_other_pages_are_left_as_they_are(mw, body, content_type):
    response = _html(body, content_type)
    assert mw.process_response(Request(URL), response) is response
    assert mw.crawler.stats.get_value(DECLARED_WRONG_STAT) is None


def test_binary_responses_are_left_alone(mw):
    response = Response(URL, body=UTF8_DASH)
    assert mw.process_response(Request(URL), response) is response
