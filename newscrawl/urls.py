"""URL rules of the Tribun Network: what is an article, its canonical form, its page number.

URL shapes (docs/site-structure.md §5): www ``/{section}/YYYY/MM/DD/{slug}`` and, since 2025,
``/{section}/{numericId}/{slug}``; regional ``/YYYY/MM/DD/{slug}``; mobile ``m.`` and AMP
``/amp/…`` variants of the same story. Non-article routes (§4.5, §5) are never crawled as articles.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlsplit, urlunsplit

from w3lib.url import (
    add_or_replace_parameter,
    canonicalize_url,
    url_query_cleaner,
    url_query_parameter,
)

from newscrawl.sites import Site, site_for_host

# Query and percent-encoding rules are w3lib's; what stays hand-written here is the network's
# own rules (which paths are articles, which host is canonical), which no library knows.

_DATE_PATH = re.compile(
    r"^/(?:(?P<section>[a-z0-9-]+(?:/[a-z0-9-]+)*)/)?\d{4}/\d{1,2}/\d{1,2}/[\w-]+/?$"
)
_NUMERIC_PATH = re.compile(r"^/(?P<section>[a-z0-9-]+)/(?P<id>\d{5,})/[\w-]+/?$")

# First path segments that never hold an article (§4.5, §5, robots.txt in §7).
NON_ARTICLE_ROOTS = frozenset(
    {
        "tag", "topic", "topics", "penulis", "editor", "search", "ajax", "api", "posts",
        "json", "auth", "member", "komentar", "index-news", "indeks", "video", "videos",
        "images", "foto", "webstories", "epaper", "rss", "sitemap", "tv",
    }
)  # fmt: skip

# Hosts of the network that are not article sites (§6 verticals that serve no news article
# in our table, and the video portal).
NON_ARTICLE_HOSTS = frozenset({"video.tribunnews.com", "www.tribunnewswiki.com"})


def site_of(url: str) -> Site | None:
    """Return the site a URL belongs to, or None when it is off the network."""
    return site_for_host(urlsplit(url).hostname or "")


def _strip_amp(path: str) -> str:
    if path.startswith("/amp/"):
        return path[4:]
    return path


def is_article_url(url: str) -> bool:
    """True for URLs shaped like a news article on one of the table's sites."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.hostname in NON_ARTICLE_HOSTS or site_for_host(parts.hostname) is None:
        return False
    return is_article_path(parts.path)


def is_article_path(path: str) -> bool:
    """True for a URL path shaped like a news article (the path rules of
    :func:`is_article_url`, for a caller that has already split the URL)."""
    path = _strip_amp(path)
    root = path.strip("/").split("/", 1)[0]
    if root in NON_ARTICLE_ROOTS:
        return False
    return bool(_DATE_PATH.match(path) or _NUMERIC_PATH.match(path))


def canonical_article_url(url: str) -> str:
    """Page-1 canonical form: https, the site's own host (m. → www), no AMP, no query, no slash.

    w3lib's ``canonicalize_url`` first makes the percent-encoding one form (a raw listing link
    and Scrapy's escaped request URL of the same page then give the same key) and drops the
    fragment; the host and path rules are the network's.
    """
    parts = urlsplit(canonicalize_url(url))
    site = site_for_host(parts.hostname or "")
    host = site.host if site else (parts.hostname or "")
    path = _strip_amp(parts.path).rstrip("/") or "/"
    return urlunsplit(("https", host, path, "", ""))


def page_number(url: str) -> int:
    """The ``page`` query value (1 when absent or not a number; ``all`` counts as 0)."""
    if "?" not in url and url.isascii() and "[" not in url and "]" not in url:
        return 1  # no query to parse (page 1 of a story); w3lib would raise on none of these
    value = url_query_parameter(url, "page")
    if value == "all":
        return 0
    return int(value) if value and value.isdigit() and int(value) > 0 else 1


def with_page(url: str, page: int) -> str:
    """The URL of page ``page`` of the story at canonical ``url`` (page 1 has no parameter)."""
    if page > 1:  # a fragment is never part of a page's address (url_query_cleaner drops it too)
        return add_or_replace_parameter(urldefrag(url).url, "page", str(page))
    return url_query_cleaner(url, ["page"], remove=True)


def article_id_from_url(url: str) -> str | None:
    """The numeric id of a 2025+ www URL (``/internasional/7746900/slug``), else None."""
    m = _NUMERIC_PATH.match(_strip_amp(urlsplit(url).path))
    return m.group("id") if m else None


def section_from_url(url: str) -> str | None:
    """The section path segment(s) before the date or id, if the URL has any."""
    path = _strip_amp(urlsplit(url).path)
    m = _NUMERIC_PATH.match(path) or _DATE_PATH.match(path)
    return m.group("section") if m and m.group("section") else None
