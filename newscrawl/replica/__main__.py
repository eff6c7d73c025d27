"""``python -m newscrawl.replica [--port 0] [--log FILE] [--edits FILE] [--fault NAME]``.

Prints one line ``REPLICA http://127.0.0.1:PORT`` on stdout, then serves until SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from newscrawl.replica.content import KNOWN_FAULTS
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
    args = parser.parse_args(argv)

    done = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with ReplicaServer(
        port=args.port, host=args.host, log=args.log, edits=args.edits, faults=args.fault
    ) as srv:
        sys.stdout.write(f"REPLICA {srv.proxy_url}\n")
        sys.stdout.flush()
        while not done.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
