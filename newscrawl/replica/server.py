"""The replica as a local HTTP proxy: the crawler keeps its real https://….tribunnews.com URLs.

Scrapy (and curl, and ``http.client`` with ``set_tunnel``) reach an https URL through an HTTP
proxy with ``CONNECT host:443`` and a TLS handshake inside the tunnel; plain-http URLs are sent
in absolute form (``GET http://host/path HTTP/1.1``). :class:`ReplicaServer` answers both on
127.0.0.1: it terminates TLS with a wildcard certificate for ``*.tribunnews.com`` made at
start-up by trustme (its CA kept in a private temp dir, removed on stop), serves HTTP/1.1 with
keep-alive inside the tunnel, and also answers origin-form requests using the ``Host`` header (handy for
``curl -H 'Host: solo.tribunnews.com' http://127.0.0.1:PORT/``). It never opens an outbound
connection: unknown hosts get 404.

Routing and content live in :mod:`newscrawl.replica.routes`; absolute-form ``http://`` requests
for network hosts answer 301 to ``https://`` (the network is https-only), ``m.tribunnews.com``
answers 301 to www.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import shutil
import socket
import ssl
import struct
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.utils import formatdate
from http import HTTPStatus
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self
from urllib.parse import urlsplit

from newscrawl.replica.routes import Replica, Reply

MAX_HEADER_LINES = 100
IDLE_TIMEOUT = 120.0
_PAD = b" " * (1 << 16)


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close the connection with a TCP RST (SO_LINGER 0), as a crashed server or middlebox."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def make_tls_context(directory: Path) -> tuple[ssl.SSLContext, Path]:
    """A server TLS context for ``*.tribunnews.com`` and the path of the CA that signed it.

    trustme makes a throw-away CA and an EC P-256 leaf certificate for ``*.tribunnews.com``,
    ``tribunnews.com``, ``localhost`` and ``127.0.0.1``; one wildcard certificate serves every
    host tunnelled through CONNECT. A client verifies it with ``cafile=<returned path>``.
    """
    import trustme

    ca = trustme.CA(organization_name="newscrawl offline replica", key_type=trustme.KeyType.ECDSA)
    leaf = ca.issue_cert(
        "*.tribunnews.com",
        "tribunnews.com",
        "localhost",
        "127.0.0.1",
        key_type=trustme.KeyType.ECDSA,
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    leaf.configure_cert(ctx)
    ctx.set_alpn_protocols(["http/1.1"])
    ca_path = directory / "replica-ca.pem"
    ca.cert_pem.write_to_path(str(ca_path))
    return ctx, ca_path


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response fetched through the replica proxy."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str | None:
        return self.headers.get("location")


def fetch(
    proxy_url: str,
    url: str,
    *,
    method: str = "GET",
    cafile: str | Path | None = None,
    timeout: float = 15.0,
    headers: dict[str, str] | None = None,
) -> FetchResult:
    """Fetch ``url`` through an HTTP proxy (CONNECT + TLS for https, absolute form for http).

    Redirects are not followed. With ``cafile`` the replica's certificate is verified.
    """
    proxy = urlsplit(proxy_url)
    target = urlsplit(url)
    conn: http.client.HTTPConnection
    if target.scheme == "https":
        ctx = ssl.create_default_context(cafile=str(cafile) if cafile else None)
        if cafile is None:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection(
            proxy.hostname or "127.0.0.1", proxy.port, timeout=timeout, context=ctx
        )
        conn.set_tunnel(target.hostname or "", target.port or 443)
        path = (target.path or "/") + (f"?{target.query}" if target.query else "")
    else:
        conn = http.client.HTTPConnection(
            proxy.hostname or "127.0.0.1", proxy.port, timeout=timeout
        )
        path = url
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        body = resp.read()
        return FetchResult(resp.status, {k.lower(): v for k, v in resp.getheaders()}, body)
    finally:
        conn.close()


class ReplicaServer:
    """The offline Tribun Network, served as an HTTP(S) proxy on 127.0.0.1.

    Use as a context manager::

        with ReplicaServer(port=0) as srv:
            env = srv.env()          # https_proxy/http_proxy for a subprocess
            srv.proxy_url            # 'http://127.0.0.1:PORT'

    ``log`` appends one JSON line per request (``host``, ``path``, ``status``, ``ts`` and
    ``method``, ``scheme``); ``edits`` is a JSON file re-read on every request (canonical URL →
    override, see :func:`newscrawl.replica.content.apply_edit`); ``faults`` names optional
    site-wide faults (``"date-renamed"``); ``inject`` maps URLs to faults of
    :mod:`newscrawl.replica.faults` (``{"https://solo.tribunnews.com/…": "status-500"}``),
    changed at run time with :meth:`inject`. Every request is also kept in :attr:`requests`.
    """

    def __init__(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        *,
        log: str | Path | None = None,
        edits: str | Path | None = None,
        faults: Iterable[str] = (),
        inject: Mapping[str, str] | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.replica = Replica(faults=faults, edits=edits, inject=inject)
        self.log_path = Path(log) if log else None
        self.requests: list[dict[str, Any]] = []
        self.cert_path: Path | None = None
        self._tmp: Path | None = None
        self._ssl: ssl.SSLContext | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._conns: set[asyncio.Task[Any]] = set()
        self._log_file: IO[str] | None = None

    # -- public -------------------------------------------------------------------------------

    @property
    def edits_path(self) -> Path | None:
        """The ``--edits`` JSON file (re-read on every request); settable."""
        return self.replica.edits_path

    @edits_path.setter
    def edits_path(self, value: str | Path | None) -> None:
        self.replica.edits_path = Path(value) if value else None

    @property
    def proxy_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    url = proxy_url

    def env(self) -> dict[str, str]:
        """Environment variables that route a process's HTTP(S) through the replica."""
        return {
            "https_proxy": self.proxy_url,
            "http_proxy": self.proxy_url,
            "HTTPS_PROXY": self.proxy_url,
            "HTTP_PROXY": self.proxy_url,
            "no_proxy": "",
            "NO_PROXY": "",
        }

    def reset_faults(self) -> None:
        """Re-arm counted faults (``flaky-500`` fails twice again) and clear :attr:`requests`."""
        self.replica.reset_faults()
        self.requests.clear()

    def inject(self, url: str, fault: str) -> None:
        """Serve ``fault`` (``NAME`` or ``NAME:ARG``, see ``faults.FAULTS``) for ``url`` from now on."""
        self.replica.injected.set(url, fault)

    def clear_injected(self) -> None:
        """Remove every injected fault."""
        self.replica.injected.clear()

    def get(self, url: str, *, method: str = "GET", timeout: float = 15.0) -> FetchResult:
        """Fetch ``url`` through this proxy (certificate verified), without following redirects."""
        return fetch(self.proxy_url, url, method=method, cafile=self.cert_path, timeout=timeout)

    def start(self) -> Self:
        if self._thread is not None:
            return self
        self._tmp = Path(tempfile.mkdtemp(prefix="newscrawl-replica-"))
        self._ssl, self.cert_path = make_tls_context(self._tmp)
        if self.log_path:
            self._log_file = self.log_path.open("a", encoding="utf-8")
        self._thread = threading.Thread(target=self._run, name="replica-server", daemon=True)
        self._thread.start()
        self._ready.wait(30)
        if self._error is not None:
            self.stop()
            raise RuntimeError(f"replica server failed to start: {self._error}") from self._error
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(30)
            self._thread = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- event loop ---------------------------------------------------------------------------

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # noqa: BLE001 - reported to the starting thread
            self._error = exc
        finally:
            self._ready.set()
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._on_client, self.host, self.port)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            server.close()
            for task in list(self._conns):
                task.cancel()
            if self._conns:
                await asyncio.gather(*self._conns, return_exceptions=True)
            await server.wait_closed()

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._conns.add(task)
        try:
            await self._serve(reader, writer, tunnel=None)
        except (
            asyncio.CancelledError,  # stop() while a slow reply waits: end quietly
            ConnectionError,
            asyncio.IncompleteReadError,
            asyncio.LimitOverrunError,
            ssl.SSLError,
            TimeoutError,
            OSError,
            ValueError,
        ):
            pass
        finally:
            if task is not None:
                self._conns.discard(task)
            writer.transport.abort()

    async def _read_request(
        self, reader: asyncio.StreamReader
    ) -> tuple[str, str, str, dict[str, str]] | None:
        line = await asyncio.wait_for(reader.readline(), IDLE_TIMEOUT)
        while line in (b"\r\n", b"\n"):
            line = await asyncio.wait_for(reader.readline(), IDLE_TIMEOUT)
        if not line:
            return None
        parts = line.decode("latin-1").strip().split()
        if len(parts) != 3:
            raise ValueError("malformed request line")
        headers: dict[str, str] = {}
        for _ in range(MAX_HEADER_LINES):
            hline = await asyncio.wait_for(reader.readline(), IDLE_TIMEOUT)
            if hline in (b"\r\n", b"\n", b""):
                break
            name, _, value = hline.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0") or 0)
        if length:
            await reader.readexactly(length)
        return parts[0].upper(), parts[1], parts[2].upper(), headers

    async def _serve(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        *,
        tunnel: tuple[str, str] | None,
    ) -> None:
        """Serve requests on one connection; ``tunnel`` = (host, scheme) inside CONNECT."""
        while True:
            req = await self._read_request(reader)
            if req is None:
                return
            method, target, version, headers = req
            if method == "CONNECT" and tunnel is None:
                host, _, port = target.rpartition(":")
                host = host.strip("[]") or target
                writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                await writer.drain()
                if port == "80":
                    await self._serve(reader, writer, tunnel=(host, "http"))
                    return
                assert self._ssl is not None
                await writer.start_tls(self._ssl)
                await self._serve(reader, writer, tunnel=(host, "https"))
                return
            if target.startswith(("http://", "https://")):
                split = urlsplit(target)
                host = split.netloc
                scheme = tunnel[1] if tunnel else split.scheme
                path = (split.path or "/") + (f"?{split.query}" if split.query else "")
            else:
                host = tunnel[0] if tunnel else headers.get("host", "")
                scheme = tunnel[1] if tunnel else "direct"
                path = target
            if method == "CONNECT":
                reply = Reply(405, b"nested CONNECT\n", "text/plain")
            else:
                reply = self.replica.handle(method, scheme, host, path)
            keep = self._keep_alive(version, headers)
            self._record(method, scheme, host, path, reply.status)
            keep = await self._respond(writer, reply, method=method, keep_alive=keep)
            if not keep:
                return

    @staticmethod
    def _keep_alive(version: str, headers: dict[str, str]) -> bool:
        conn = (headers.get("connection", "") + "," + headers.get("proxy-connection", "")).lower()
        if "close" in conn:
            return False
        return version == "HTTP/1.1" or "keep-alive" in conn

    @staticmethod
    async def _respond(
        writer: asyncio.StreamWriter, reply: Reply, *, method: str, keep_alive: bool
    ) -> bool:
        """Send ``reply``, acting out its transport faults; False if the connection must end."""
        if reply.delay:
            await asyncio.sleep(reply.delay)
        try:
            reason = HTTPStatus(reply.status).phrase
        except ValueError:
            reason = "Unknown"
        length = len(reply.body) + reply.pad
        if reply.declared_length is not None:
            length = reply.declared_length
            keep_alive = False
        lines = [
            f"HTTP/1.1 {reply.status} {reason}",
            f"Date: {formatdate(usegmt=True)}",
            "Server: newscrawl-replica",
            f"Content-Type: {reply.content_type}",
            f"Content-Length: {length}",
            f"Connection: {'keep-alive' if keep_alive else 'close'}",
            "Cache-Control: max-age=60",
        ]
        lines += [f"{k}: {v}" for k, v in reply.headers]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if method == "HEAD":
            writer.write(head)
            await writer.drain()
            return keep_alive
        if reply.reset_after is not None:
            writer.write(head + reply.body[: reply.reset_after])
            await writer.drain()
            await asyncio.sleep(0.05)
            _reset(writer)
            return False
        writer.write(head + reply.body)
        await writer.drain()
        pad = reply.pad
        while pad > 0:
            n = min(pad, len(_PAD))
            writer.write(_PAD[:n])
            await writer.drain()
            pad -= n
        return keep_alive

    def _record(self, method: str, scheme: str, host: str, path: str, status: int) -> None:
        entry = {
            "host": host.split(":", 1)[0].lower(),
            "path": path,
            "status": status,
            "ts": round(time.time(), 6),
            "method": method,
            "scheme": scheme,
        }
        self.requests.append(entry)
        if self._log_file is not None:
            self._log_file.write(json.dumps(entry) + "\n")
            self._log_file.flush()
