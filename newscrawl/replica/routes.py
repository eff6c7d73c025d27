"""Request routing of the replica: (scheme, host, target) → status, headers, body.

No sockets here; :mod:`newscrawl.replica.server` feeds requests in. State kept per instance:
hit counters for the ``flaky-500`` fault, the table of injected faults
(:mod:`newscrawl.replica.faults`), the edits file, and an LRU cache of rendered pages (keyed by
the edits digest, so an edit takes effect on the next request).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from newscrawl.replica import render
from newscrawl.replica.content import (
    BARE_HOST,
    INDEX_PAGE_SIZE,
    KNOWN_FAULTS,
    MOBILE_HOST,
    REPLICA_SITES,
    VIDEO_HOST,
    Article,
    Decoy,
    ReplicaSite,
    crawl_now,
    edited_inventory,
    index_decoys,
    index_items,
    index_page_count,
    link_url,
    parse_day,
)
from newscrawl.replica.faults import FaultTable, reply_after, reply_before

NETWORK_SUFFIX = ".tribunnews.com"
HTML = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
TEXT = "text/plain; charset=UTF-8"
FLAKY_FAILURES = 2


@dataclass(frozen=True, slots=True)
class Reply:
    """A response: status, body and extra headers (Content-Length is added by the server).

    The last four fields are transport faults the server acts out (see :mod:`newscrawl.replica.faults`).
    """

    status: int
    body: bytes = b""
    content_type: str = HTML
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    """Seconds to wait before sending anything."""
    pad: int = 0
    """Bytes of whitespace sent after ``body`` (and counted in Content-Length)."""
    declared_length: int | None = None
    """Content-Length to claim instead of the real one; the connection closes after the body."""
    reset_after: int | None = None
    """Send only this many body bytes, then reset the connection."""

    @property
    def location(self) -> str | None:
        for k, v in self.headers:
            if k.lower() == "location":
                return v
        return None


def redirect(url: str, status: int = 301) -> Reply:
    """A redirect to ``url`` with a small HTML body, as the real site sends."""
    body = f'<html><body>Moved: <a href="{render.esc(url)}">{render.esc(url)}</a></body></html>'
    return Reply(status, body.encode(), HTML, (("Location", url),))


def _html(text: str, status: int = 200) -> Reply:
    return Reply(status, text.encode("utf-8"), HTML)


def _not_found(host: str) -> Reply:
    return _html(render.not_found_page(host), 404)


@dataclass
class View:
    """One snapshot of the (edited) inventory with the lookups routing needs."""

    articles: list[Article]
    by_site: dict[str, list[Article]] = field(init=False)
    newest: dict[str, list[Article]] = field(init=False)
    by_host_path: dict[tuple[str, str], Article] = field(init=False)

    def __post_init__(self) -> None:
        self.by_site = {k: [] for k in REPLICA_SITES}
        self.by_host_path = {}
        for a in sorted(self.articles, key=lambda a: a.published):
            self.by_site[a.site].append(a)
            self.by_host_path[(a.rsite.host, a.path)] = a
        self.newest = {k: list(reversed(v)) for k, v in self.by_site.items()}


class Replica:
    """The replica web: routes requests to rendered pages, applying edits and faults."""

    def __init__(
        self,
        *,
        faults: Iterable[str] = (),
        edits: str | Path | None = None,
        inject: Mapping[str, str] | None = None,
        cache_size: int = 500,
    ) -> None:
        self.faults = frozenset(faults)
        self.injected = FaultTable(inject or {})
        unknown = self.faults - KNOWN_FAULTS
        if unknown:
            raise ValueError(f"unknown fault(s): {', '.join(sorted(unknown))}")
        self.edits_path = Path(edits) if edits else None
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[Any, ...], Reply] = OrderedDict()
        self._cache_size = cache_size
        self._views: dict[str, View] = {}

    # -- state --------------------------------------------------------------------------------

    def reset_faults(self) -> None:
        """Re-arm the counted faults (``flaky-500`` and the injected ones)."""
        with self._lock:
            self.hits.clear()
        self.injected.reset()

    def _edits(self) -> tuple[str, Mapping[str, Mapping[str, Any]]]:
        if self.edits_path is None:
            return "", {}
        try:
            raw = self.edits_path.read_bytes()
        except OSError:
            return "", {}
        digest = hashlib.sha1(raw).hexdigest()  # noqa: S324 - a cache key, not security
        try:
            data = json.loads(raw.decode("utf-8") or "{}")
        except (UnicodeDecodeError, json.JSONDecodeError):
            return "", {}
        if not isinstance(data, dict):
            return "", {}
        return digest, {str(k).split("?", 1)[0]: v for k, v in data.items() if isinstance(v, dict)}

    def _view(self, digest: str, edits: Mapping[str, Mapping[str, Any]]) -> View:
        with self._lock:
            view = self._views.get(digest)
            if view is None:
                view = View(edited_inventory(edits))
                if len(self._views) > 8:
                    self._views.clear()
                self._views[digest] = view
            return view

    def _cached(self, key: tuple[Any, ...], make: Any) -> Reply:
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        reply: Reply = make()
        with self._lock:
            self._cache[key] = reply
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return reply

    # -- entry point --------------------------------------------------------------------------

    def handle(self, method: str, scheme: str, host: str, target: str) -> Reply:
        """Answer one request. ``scheme`` is "https" inside a CONNECT tunnel, "http" for an
        absolute-form proxy request and "direct" for an origin-form request to the server."""
        host = host.lower().strip().rstrip(".")
        if host.count(":") == 1:
            host = host.split(":", 1)[0]
        split = urlsplit(target if target.startswith("/") else f"/{target}")
        path = split.path or "/"
        found = self.injected.lookup(host, path) if scheme != "http" else None
        if found is None:
            return self._handle(scheme, host, target, split)
        fault, hit = found
        early = reply_before(fault, hit, f"https://{host}{path}", split.query)
        if early is not None:
            return early
        return reply_after(fault, self._handle(scheme, host, target, split))

    def _handle(self, scheme: str, host: str, target: str, split: Any) -> Reply:
        path = split.path or "/"
        is_network = host == BARE_HOST or host.endswith(NETWORK_SUFFIX)
        if scheme == "http" and is_network:
            # The whole network is https-only (``http-link`` fault follows this).
            return redirect(f"https://{host}{target if target.startswith('/') else '/'}")
        if host in (MOBILE_HOST, BARE_HOST):
            return redirect(f"https://www.tribunnews.com{target}")
        if host == VIDEO_HOST:
            return self._video_host(path, target)
        rsite = next((r for r in REPLICA_SITES.values() if r.host == host), None)
        if rsite is None:
            return _not_found(host or "www.tribunnews.com")
        digest, edits = self._edits()
        view = self._view(digest, edits)
        query = parse_qs(split.query, keep_blank_values=True)
        return self._site(rsite, view, digest, path, query)

    # -- hosts --------------------------------------------------------------------------------

    def _video_host(self, path: str, target: str) -> Reply:
        if path == "/robots.txt":
            return Reply(200, render.robots_txt(VIDEO_HOST).encode(), TEXT)
        m = re.fullmatch(r"/view/(\d+)/([a-z0-9-]+)/?", path)
        if not m:
            return _not_found(VIDEO_HOST)
        title = "VIDEO: " + m.group(2).replace("-", " ").title()
        rsite = REPLICA_SITES["www"]
        url = f"https://{VIDEO_HOST}{path}"
        return self._cached(
            ("video", path),
            lambda: _html(render.decoy_page(rsite, "video", url, title)),
        )

    def _site(
        self,
        rsite: ReplicaSite,
        view: View,
        digest: str,
        path: str,
        query: Mapping[str, list[str]],
    ) -> Reply:
        site_articles = view.newest[rsite.key]
        host = rsite.host
        if path == "/robots.txt":
            text = render.robots_txt(host)
            extra = self.injected.robots_lines(host)
            if extra:
                text = text.replace("User-agent: *\n", "User-agent: *\n" + "\n".join(extra) + "\n")
            return Reply(200, text.encode(), TEXT)
        if path == "/sitemap.xml":
            return Reply(200, render.sitemap_index(rsite).encode(), XML)
        sep = "-" if rsite.key == "www" else "_"
        m = re.fullmatch(rf"/([a-z0-9-]+)/sitemap{sep}(news|web)\.xml", path)
        if m:
            return self._sitemap(rsite, view, digest, m.group(1), m.group(2))
        if path in ("/rss", "/rss/"):
            return self._cached(
                (digest, host, "rss"),
                lambda: Reply(200, render.rss(rsite, site_articles).encode(), XML),
            )
        if path == "/":
            return self._cached(
                (digest, host, "home"), lambda: _html(render.home_page(rsite, site_articles))
            )
        if path in ("/indeks", "/indeks/"):
            return redirect(f"{rsite.base_url}/index-news", 302)
        if path == "/index-news" or path.startswith("/index-news/"):
            return self._index(rsite, view, digest, path, query)
        m = re.fullmatch(r"/(tag|topic)/([a-z0-9-]+)/?", path)
        if m:
            return self._label(rsite, view, digest, m.group(1), m.group(2))
        m = re.fullmatch(r"/(images|video)/([a-z0-9-]+)/?", path)
        if m:
            kind = "video" if m.group(1) == "video" else "gallery"
            title = m.group(2).replace("-", " ").title()
            url = f"{rsite.base_url}{path}"
            return self._cached(
                ("decoy", host, path),
                lambda: _html(render.decoy_page(rsite, kind, url, title)),
            )
        article = view.by_host_path.get((host, path))
        if (
            article is None
            and len(path) > 1
            and path.endswith("/")
            and view.by_host_path.get((host, path.rstrip("/"))) is not None
        ):
            return redirect(f"{rsite.base_url}{path.rstrip('/')}")
        if article is not None:
            return self._article(article, view, digest, query)
        section = rsite.section(path.strip("/"))
        if section is not None:
            return self._section(rsite, view, digest, section)
        return _not_found(host)

    # -- page types ---------------------------------------------------------------------------

    def _article(
        self, article: Article, view: View, digest: str, query: Mapping[str, list[str]]
    ) -> Reply:
        raw = (query.get("page") or ["1"])[-1].strip().lower()
        page: int | str
        if raw == "all":
            page = "all" if article.page_count > 1 else 1
        else:
            try:
                page = max(1, int(raw))
            except ValueError:
                page = 1
        if isinstance(page, int) and page > article.page_count:
            return _not_found(article.rsite.host)
        if "flaky-500" in article.faults and page == 1:
            with self._lock:
                self.hits[article.url] += 1
                n = self.hits[article.url]
            if n <= FLAKY_FAILURES:
                return _html(render.error_page(500), 500)
        if "page3-503" in article.faults and (page == 3 or page == "all"):
            return _html(render.error_page(503), 503)
        date_renamed = "date-renamed" in self.faults
        site_articles = view.newest[article.site]
        return self._cached(
            (digest, "article", article.url, page, date_renamed),
            lambda: _html(
                render.article_page(article, page, site_articles, date_renamed=date_renamed)
            ),
        )

    def _index(
        self,
        rsite: ReplicaSite,
        view: View,
        digest: str,
        path: str,
        query: Mapping[str, list[str]],
    ) -> Reply:
        rest = path[len("/index-news") :].strip("/")
        section = None
        if rest and rest != "all":
            section = rsite.section(rest)
            if section is None or section.parent is not None:
                return _not_found(rsite.host)
        day_raw = (query.get("date") or [""])[-1]
        if not day_raw and all(k in query for k in ("day", "month", "year")):
            # The date pickers (select#dayindex/#monthindex/#yearindex) submit these.
            day_raw = f"{query['year'][-1]}-{query['month'][-1]}-{query['day'][-1]}"
        day = parse_day(day_raw) if day_raw else crawl_now(rsite).date()
        if day is None:
            day = crawl_now(rsite).date()
        try:
            page = max(1, int((query.get("page") or ["1"])[-1]))
        except ValueError:
            page = 1
        pool = view.by_site[rsite.key]
        if section is not None:
            pool = [a for a in pool if a.section_path[0].slug == section.slug]
        items = index_items(rsite.key, day, pool)
        n_pages = index_page_count(len(items))
        page = min(page, n_pages)  # §4.4: pages past the last repeat the last page
        return self._cached(
            (digest, "index", rsite.key, section.slug if section else "", day, page),
            lambda: _html(self._render_index(rsite, view, day, page, section, items)),
        )

    def _render_index(
        self,
        rsite: ReplicaSite,
        view: View,
        day: date,
        page: int,
        section: Any,
        items: list[Article],
    ) -> str:
        entries: list[tuple[Article, str]] = []
        for i, a in enumerate(items):
            href = link_url(a)
            if href == a.url and section is None:
                # Real index pages mix absolute and relative hrefs (§4.1, §4.4).
                if rsite.key == "www":
                    if i % 5 == 2:
                        href = a.path
                elif i % 7 == 3:
                    href = a.path
                elif i % 7 == 5:
                    href = a.path.lstrip("/")
            entries.append((a, href))
        n_pages = index_page_count(len(entries))
        start = (page - 1) * INDEX_PAGE_SIZE
        rows: list[tuple[Article, str] | Decoy] = list(entries[start : start + INDEX_PAGE_SIZE])
        if section is None:
            decoys = index_decoys(rsite.key, day) if page == 1 else []
            if page > 1:
                decoys = [d for d in index_decoys(rsite.key, day) if d.kind == "ad"]
            for d in sorted(decoys, key=lambda d: d.position):
                rows.insert(min(d.position, len(rows)), d)
        return render.index_page(
            rsite, day, page, n_pages, section, rows, len(entries), view.newest[rsite.key]
        )

    def _section(self, rsite: ReplicaSite, view: View, digest: str, section: Any) -> Reply:
        def make() -> Reply:
            if section.slug == "news" and not section.themes:
                arts = view.newest[rsite.key][:20]  # a menu-only "News" lists everything
            else:
                arts = [
                    a
                    for a in view.newest[rsite.key]
                    if any(s.path == section.path for s in a.section_path)
                ][:20]
            return _html(render.section_page(rsite, section, arts, view.newest[rsite.key]))

        return self._cached((digest, "section", rsite.key, section.path), make)

    def _label(self, rsite: ReplicaSite, view: View, digest: str, kind: str, slug: str) -> Reply:
        def make() -> Reply:
            arts = view.newest[rsite.key]
            if kind == "tag":
                found = [a for a in arts if any(t.slug == slug for t in a.tags)]
                names = [t.name for a in found for t in a.tags if t.slug == slug]
            else:
                found = [a for a in arts if a.topic and a.topic.slug == slug]
                names = [a.topic.name for a in found if a.topic]
            name = names[0] if names else slug.replace("-", " ").title()
            return _html(render.label_page(rsite, kind, name, slug, found, arts))

        return self._cached((digest, "label", rsite.key, kind, slug), make)

    def _sitemap(
        self, rsite: ReplicaSite, view: View, digest: str, section_slug: str, kind: str
    ) -> Reply:
        section = rsite.section(section_slug)
        if section is None or section.parent is not None or not section.themes:
            return _not_found(rsite.host)

        def make() -> Reply:
            arts = [a for a in view.newest[rsite.key] if a.section_path[0].slug == section_slug]
            text = (
                render.news_sitemap(rsite, arts)
                if kind == "news"
                else render.web_sitemap(rsite, arts)
            )
            return Reply(200, text.encode("utf-8"), XML)

        return self._cached((digest, "sitemap", rsite.key, section_slug, kind), make)
