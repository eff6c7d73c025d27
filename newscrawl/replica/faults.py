"""Switchable faults of the replica: a table of URL → fault name, applied to normal replies.

A hostile or broken site is reproduced by injecting a fault on one URL of the replica (an
article page, usually): ``ReplicaServer(inject={url: "status-429"})``, ``srv.inject(url, name)``
at run time, or ``python -m newscrawl.replica --inject URL=NAME`` (``--list-faults`` prints this
table). A URL is matched by host and path (the query is ignored, so redirect hops still match);
``NAME:ARG`` passes an argument (a count, seconds or MiB, see each fault). What newscrawl does
about each fault is in the README's fault table and tested in ``tests/test_faults.py``.

Hit counts are kept per URL, so "fail N times, then answer" faults re-arm with :meth:`reset`.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from email.utils import formatdate
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from newscrawl.replica.routes import Reply

MIB = 1 << 20
FORMULA = '=HYPERLINK("https://example.invalid/","Klik")'
"""Prefixed to the title by ``formula-title``: a spreadsheet would run it as a formula."""
PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 16 >>\nstream\n"
    + bytes(range(16))
    + b"\nendstream\nendobj\n%%EOF\n"
)
"""Served by ``not-html``: a tiny PDF with a binary stream, as real PDFs have."""
SURROGATE = "\ud800"
"""A lone UTF-16 surrogate: valid in JSON text as ``\\ud800``, not encodable as UTF-8."""

FAULTS: dict[str, str] = {
    "status-429": "429 Too Many Requests with Retry-After: 1, ARG times (1), then the page; "
    "ARG TIMES/SECONDS: Retry-After SECONDS, and a request sooner than that after the last 429 "
    "is refused again without counting (a rate limiter: retrying at once never gets the page); "
    "ARG TIMES/SECONDS/date: the same with Retry-After as an HTTP date (the whole second the "
    "limiter reopens)",
    "503-once": "503 Service Unavailable ARG times (1), then the page",
    "status-500": "500 Internal Server Error on every request",
    "slow": "the page, but only after ARG seconds (10): longer than a short DOWNLOAD_TIMEOUT",
    "reset": "headers and half the body, then a TCP reset",
    "short-body": "Content-Length larger than the body sent, then the connection is closed",
    "redirect-chain": "301 → 302 → 307 → 308 through ARG (4) URLs (?hop=N), then the page",
    "redirect-loop": "URL → URL?loop=1 → URL: a redirect cycle that never answers",
    "no-charset": "Content-Type text/html without charset, no <meta charset>, UTF-8 bytes",
    "wrong-charset": "UTF-8 bytes declared as ISO-8859-1 in the header and in <meta>",
    "oversize": "the page padded with whitespace to ARG MiB (64): over any sane size cap",
    "gzip-bomb": "Content-Encoding gzip, ~1 MB on the wire inflating to ARG MiB (1024) of zeros",
    "not-html": "a PDF (Content-Type application/pdf) instead of the page",
    "empty-200": "200 OK, Content-Type text/html, an empty body",
    "robots-disallow": "robots.txt of the host disallows this path",
    "jsonld-wrong-types": "JSON-LD values of the wrong type (keywords 12345, @type {}, "
    "mainEntityOfPage.@id 42, BreadcrumbList items as plain URL strings, author 42)",
    "jsonld-deep": "an extra JSON-LD block nested 100,000 arrays deep",
    "jsonld-huge-graph": "an extra JSON-LD @graph of ARG (30,000) linked nodes, about 2.4 MB",
    "jsonld-surrogate": "a lone surrogate (\\ud800) in the JSON-LD headline and description",
    "deep-html": "the page's content wrapped in 300 nested <div>s",
    "formula-title": f"the title starts with {FORMULA}",
}
"""Fault name → what the replica serves (the behaviour of newscrawl is in the README)."""


@dataclass(frozen=True, slots=True)
class Fault:
    """One injected fault: its name and optional argument (``NAME:ARG``)."""

    name: str
    arg: str = ""

    @classmethod
    def parse(cls, text: str) -> Fault:
        name, _, arg = text.strip().partition(":")
        if name not in FAULTS:
            raise ValueError(f"unknown fault {name!r}; known: {', '.join(sorted(FAULTS))}")
        return cls(name, arg)

    def number(self, default: float) -> float:
        return float(self.arg) if self.arg else default


# status-429:TIMES/SECONDS state per URL: refusals counted so far and when the limiter reopens.
_LIMITER_LOCK = threading.Lock()
_LIMITER: dict[str, tuple[int, float]] = {}
# A date-form retry may arrive this early: HTTP dates and clocks are read at slightly different
# moments on the two sides.
_DATE_TOLERANCE = 0.05


def _forget_limits() -> None:
    with _LIMITER_LOCK:
        _LIMITER.clear()


def _rate_limited(url: str, times: int, seconds: float, *, as_date: bool = False) -> float | None:
    """The wall-clock time the limiter reopens if this request is refused, else None.

    Refused: fewer than ``times`` refusals were waited out so far, or it came before the
    limiter reopened (then it does not count). A refusal reopens the limiter ``seconds`` later,
    or, ``as_date``, at the next whole second after that (what an HTTP date can say)."""
    now, wall = time.monotonic(), time.time()
    with _LIMITER_LOCK:
        count, reopen = _LIMITER.get(url, (0, float("-inf")))
        waited = now >= reopen - (_DATE_TOLERANCE if as_date else 0.0)
        if waited and count >= times:
            return None
        wait = math.ceil(wall + seconds) - wall if as_date else seconds
        _LIMITER[url] = (count + 1 if waited else count, now + wait)
        return wall + wait


def url_key(url: str) -> tuple[str, str]:
    """``(host, path)`` of a URL, ``host/path`` or ``/path`` (host ``""``) — the table's key."""
    text = url.strip()
    if "://" not in text and not text.startswith("/"):
        text = "https://" + text
    split = urlsplit(text)
    return (split.hostname or "").lower(), split.path or "/"


class FaultTable:
    """Thread-safe map of URL → :class:`Fault` with per-URL hit counters."""

    def __init__(self, entries: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        self._lock = threading.Lock()
        self._table: dict[tuple[str, str], Fault] = {}
        self.hits: Counter[tuple[str, str]] = Counter()
        items = entries.items() if isinstance(entries, Mapping) else entries
        for url, name in items:
            self.set(url, name)

    def set(self, url: str, fault: str) -> None:
        """Inject ``fault`` (``NAME`` or ``NAME:ARG``) on ``url``; it replaces any earlier one."""
        parsed = Fault.parse(fault)
        if parsed.name == "gzip-bomb":
            # Built now (a few seconds for 1 GiB), not while a client waits for the page.
            gzip_bomb(int(parsed.number(1024)))
        with self._lock:
            self._table[url_key(url)] = parsed
            self.hits.pop(url_key(url), None)
        _forget_limits()

    def clear(self) -> None:
        with self._lock:
            self._table.clear()
            self.hits.clear()
        _forget_limits()

    def reset(self) -> None:
        """Re-arm counted faults (``status-429``, ``503-once``)."""
        with self._lock:
            self.hits.clear()
        _forget_limits()

    def items(self) -> list[tuple[tuple[str, str], Fault]]:
        with self._lock:
            return list(self._table.items())

    def lookup(self, host: str, path: str) -> tuple[Fault, int] | None:
        """The fault on this URL (host-less entries match any host) and its hit number."""
        with self._lock:
            fault = self._table.get((host, path)) or self._table.get(("", path))
            if fault is None:
                return None
            self.hits[(host, path)] += 1
            return fault, self.hits[(host, path)]

    def robots_lines(self, host: str) -> list[str]:
        """``Disallow:`` lines for the ``robots-disallow`` faults on ``host``."""
        return [
            f"Disallow: {path}"
            for (h, path), fault in self.items()
            if fault.name == "robots-disallow" and h in (host, "")
        ]


# -- replies -----------------------------------------------------------------------------------


def reply_before(fault: Fault, hit: int, url: str, query: str) -> Reply | None:
    """A reply that replaces the page for this hit, or ``None`` to serve the page."""
    from newscrawl.replica.routes import TEXT, Reply, redirect

    name = fault.name
    if name == "status-429" and "/" in fault.arg:
        times, _, rest = fault.arg.partition("/")
        seconds, _, form = rest.partition("/")
        as_date = form == "date"
        reopen = _rate_limited(url, int(times or 1), float(seconds), as_date=as_date)
        if reopen is None:
            return None
        value = formatdate(round(reopen), usegmt=True) if as_date else seconds
        return Reply(429, b"Too Many Requests\n", TEXT, (("Retry-After", value),))
    if name == "status-429" and hit <= fault.number(1):
        return Reply(429, b"Too Many Requests\n", TEXT, (("Retry-After", "1"),))
    if name == "503-once" and hit <= fault.number(1):
        return Reply(503, b"Service Unavailable\n", TEXT, (("Retry-After", "1"),))
    if name == "status-500":
        return Reply(500, b"Internal Server Error\n", TEXT)
    params = parse_qs(query)
    if name == "redirect-chain":
        hops = int(fault.number(4))
        hop = int((params.get("hop") or ["0"])[-1] or 0)
        if hop < hops:
            status = (301, 302, 307, 308)[hop % 4]
            return redirect(f"{url}?hop={hop + 1}", status)
        return None
    if name == "redirect-loop":
        return redirect(url if params.get("loop") else f"{url}?loop=1", 302)
    if name == "not-html":
        return Reply(200, PDF, "application/pdf")
    if name == "empty-200":
        return Reply(200, b"", "text/html; charset=UTF-8")
    if name == "gzip-bomb":
        return Reply(
            200,
            gzip_bomb(int(fault.number(1024))),
            "text/html; charset=UTF-8",
            (("Content-Encoding", "gzip"),),
        )
    return None


def reply_after(fault: Fault, reply: Reply) -> Reply:
    """The page's normal reply changed by a fault that serves it (slowly, cut, mislabelled…)."""
    name = fault.name
    if reply.status != 200:
        return reply
    if name == "slow":
        return replace(reply, delay=fault.number(10.0))
    if name == "reset":
        return replace(reply, reset_after=len(reply.body) // 2)
    if name == "short-body":
        return replace(reply, declared_length=len(reply.body) + 4096)
    if name == "oversize":
        return replace(reply, pad=max(0, int(fault.number(64) * MIB) - len(reply.body)))
    if name == "jsonld-huge-graph":
        text = _huge_graph(reply.body.decode("utf-8"), int(fault.number(30_000)))
        return replace(reply, body=text.encode("utf-8"))
    edit = _CONTENT.get(name)
    if edit is None:
        return reply
    text = edit(reply.body.decode("utf-8"))
    if name == "no-charset":
        return replace(reply, body=text.encode("utf-8"), content_type="text/html")
    if name == "wrong-charset":
        return replace(
            reply, body=text.encode("utf-8"), content_type="text/html; charset=ISO-8859-1"
        )
    return replace(reply, body=text.encode("utf-8"))


# -- page edits --------------------------------------------------------------------------------

_META_CHARSET = re.compile(
    r'<meta\s+(?:charset="[^"]*"|http-equiv="Content-Type"\s+content="[^"]*")\s*/?>', re.IGNORECASE
)
_JSONLD = re.compile(r'(<script type="application/ld\+json">)(.*?)(</script>)', re.DOTALL)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_BODY = re.compile(r"<body\b[^>]*>")


def _no_charset(text: str) -> str:
    return _META_CHARSET.sub("", text)


def _wrong_charset(text: str) -> str:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    text = _META_CHARSET.sub("", text)
    return text.replace("<head>", "<head>" + meta, 1)


def _map_jsonld(text: str, edit: Callable[[Any], Any]) -> str:
    """Rewrite every JSON-LD block through ``edit`` (ASCII JSON, so surrogates stay escaped)."""

    def one(m: re.Match[str]) -> str:
        try:
            data = json.loads(m.group(2))
        except ValueError:
            return m.group(0)
        return m.group(1) + json.dumps(edit(data), indent=1) + m.group(3)

    return _JSONLD.sub(one, text)


def _articles(data: Any) -> Iterable[dict[str, Any]]:
    nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
    for node in nodes if isinstance(nodes, list) else []:
        if isinstance(node, dict) and "headline" in node:
            yield node


def _wrong_types(text: str) -> str:
    def edit(data: Any) -> Any:
        for node in _articles(data):
            node["keywords"] = 12345
            node["mainEntityOfPage"] = {"@type": "WebPage", "@id": 42}
            node["author"] = 42
        return data

    extra = [
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "item": "https://www.tribunnews.com/"},
                {"@type": "ListItem", "position": 2, "item": "https://www.tribunnews.com/news"},
            ],
        },
        {"@context": "https://schema.org", "@type": {}, "name": "Tribunnews"},
    ]
    blocks = "".join(f'<script type="application/ld+json">{json.dumps(e)}</script>' for e in extra)
    return _map_jsonld(text, edit).replace("</head>", blocks + "</head>", 1)


def _deep_jsonld(text: str) -> str:
    depth = 100_000
    block = '{"@context":"https://schema.org","@type":"WebPage","about":'
    block += "[" * depth + "]" * depth + "}"
    return text.replace("</head>", f'<script type="application/ld+json">{block}</script></head>', 1)


def _huge_graph(text: str, nodes: int) -> str:
    graph = [
        {"@type": "Thing", "@id": f"#n{i}", "name": f"node {i}", "about": {"@id": f"#n{i - 1}"}}
        for i in range(nodes)
    ]
    block = json.dumps({"@context": "https://schema.org", "@graph": graph})
    return text.replace("</head>", f'<script type="application/ld+json">{block}</script></head>', 1)


def _surrogate(text: str) -> str:
    def edit(data: Any) -> Any:
        for node in _articles(data):
            node["headline"] = f"{node['headline']} {SURROGATE}"
            node["description"] = f"{SURROGATE} {node.get('description') or ''}"
        return data

    return _map_jsonld(text, edit)


def _deep_html(text: str) -> str:
    m = _BODY.search(text)
    if m is None:
        return text
    end = text.rindex("</body>")
    depth = 300
    return text[: m.end()] + "<div>" * depth + text[m.end() : end] + "</div>" * depth + text[end:]


def _formula_title(text: str) -> str:
    m = _H1.search(text)
    if m is None:
        return text
    title = html.unescape(m.group(1)).strip()
    new = f"{FORMULA} {title}"
    forms = {html.escape(title, quote=False), html.escape(title, quote=True)}
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    text = re.sub(pattern, lambda _: html.escape(new, quote=True), text)

    def edit(data: Any) -> Any:
        for node in _articles(data):
            node["headline"] = new
        return data

    return _map_jsonld(text, edit)


_CONTENT: dict[str, Callable[[str], str]] = {
    "no-charset": _no_charset,
    "wrong-charset": _wrong_charset,
    "jsonld-wrong-types": _wrong_types,
    "jsonld-deep": _deep_jsonld,
    "jsonld-surrogate": _surrogate,
    "deep-html": _deep_html,
    "formula-title": _formula_title,
}


@functools.cache
def gzip_bomb(inflated_mib: int) -> bytes:
    """A gzip stream of ``inflated_mib`` MiB of zeros, ~1 KB per MiB, built without inflating it.

    One MiB of zeros is compressed once with a full flush (which resets the compressor, so the
    next MiB compresses to the very same bytes); that block is repeated, and the gzip trailer
    (CRC-32 and length) is computed for the whole.
    """
    chunk = bytes(MIB)
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    end = comp.flush(zlib.Z_FINISH)[:-8]  # the final empty block, without the 2-MiB trailer
    crc = 0
    for _ in range(max(1, inflated_mib)):
        crc = zlib.crc32(chunk, crc)
    trailer = struct.pack("<II", crc, (max(1, inflated_mib) * MIB) & 0xFFFFFFFF)
    return head + block * (max(1, inflated_mib) - 1) + end + trailer
