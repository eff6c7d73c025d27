"""``python -m newscrawl.replica [--port 0] [--log FILE] [--edits FILE] [--fault NAME]
[--inject URL=FAULT[:ARG]] [--list-faults]``.

Prints one line ``REPLICA http://127.0.0.1:PORT`` on stdout, then serves until SIGTERM/SIGINT.
``--inject`` serves a fault of :mod:`newscrawl.replica.faults` on one URL (repeatable), e.g.
``--inject https://solo.tribunnews.com/2025/10/05/some-article=status-429:2``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from newscrawl.replica.content import KNOWN_FAULTS
from newscrawl.replica.faults import FAULTS, Fault
from newscrawl.replica.server import ReplicaServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newscrawl.replica",
        description="Serve the offline Tribun Network replica as an HTTP(S) proxy.",
    )
    parser.add_argument("--port", type=int, default=0, help="listen port (0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="listen address (default 127.0.0.1)")
    parser.add_argument("--log", help="append one JSON line per request to this file")
    parser.add_argument("--edits", help="JSON file of per-article overrides, re-read per request")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        choices=sorted(KNOWN_FAULTS),
        help="enable an optional fault (repeatable)",
    )
    parser.add_argument(
        "--inject",
        action="append",
        default=[],
        metavar="URL=FAULT[:ARG]",
        help="serve a fault on one URL (repeatable; see --list-faults)",
    )
    parser.add_argument("--list-faults", action="store_true", help="list injectable faults")
    args = parser.parse_args(argv)
    if args.list_faults:
        for name, what in FAULTS.items():
            sys.stdout.write(f"{name:20} {what}\n")
        return 0
    inject: dict[str, str] = {}
    for spec in args.inject:
        url, sep, fault = spec.rpartition("=")
        try:
            if not sep or not url:
                raise ValueError("expected URL=FAULT")
            Fault.parse(fault)
        except ValueError as exc:
            parser.error(f"--inject {spec!r}: {exc}")
        inject[url] = fault

    done = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with ReplicaServer(
        port=args.port,
        host=args.host,
        log=args.log,
        edits=args.edits,
        faults=args.fault,
        inject=inject,
    ) as srv:
        sys.stdout.write(f"REPLICA {srv.proxy_url}\n")
        sys.stdout.flush()
        while not done.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
