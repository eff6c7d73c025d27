"""``newscrawl demo``: the main job on the bundled offline replica, no network needed.

Starts the replica proxy on 127.0.0.1, then runs the real ``scrapy crawl tribun`` with its real
``https://…tribunnews.com`` URLs and the standard ``https_proxy``/``http_proxy`` variables
pointing at the replica, writing JSON Lines and CSV. The demo's replica serves no fault that
loses a page (its sites leave out jateng, whose page3-503 story always loses page 3), so a new
user's first run exits 0; if a page is lost anyway, the crawl's own summary line says what and
the demo exits 1 after still describing what was written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

DEMO_SITES = "www,solo,makassar,papua"
DEMO_SINCE = "2025-10-05"
DEMO_UNTIL = "2025-10-06"


def proxy_env(proxy_url: str) -> dict[str, str]:
    """The environment that routes Scrapy's requests through ``proxy_url``."""
    env = dict(os.environ)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env[name] = proxy_url
    env.pop("no_proxy", None)
    env.pop("NO_PROXY", None)
    env.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    return env


def run_demo(out_dir: Path, sites: str = DEMO_SITES, inject: dict[str, str] | None = None) -> int:
    """Crawl the replica into ``out_dir``/articles.{jsonl,csv}; return the crawl's exit code.

    ``inject`` (URL → fault, newscrawl/replica/faults.py) is for tests of a demo that loses pages.
    """
    from newscrawl.replica.server import ReplicaServer

    out_dir.mkdir(parents=True, exist_ok=True)
    jsonl, csv_path = out_dir / "articles.jsonl", out_dir / "articles.csv"
    with ReplicaServer(port=0, inject=inject) as server:
        print(f"replica serving on {server.proxy_url} (https_proxy/http_proxy point there)")
        command = [
            sys.executable, "-m", "scrapy", "crawl", "tribun",
            "-a", f"site={sites}", "-a", f"since={DEMO_SINCE}", "-a", f"until={DEMO_UNTIL}",
            "-O", str(jsonl.resolve()), "-O", str(csv_path.resolve()),
            "-s", "LOG_LEVEL=INFO", "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
        ]  # fmt: skip
        print("$ " + " ".join(command))
        result = subprocess.run(command, env=proxy_env(server.proxy_url), check=False)
    if not jsonl.exists():
        print(f"demo crawl failed with exit code {result.returncode}", file=sys.stderr)
        return result.returncode or 1
    items = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line]
    per_site = Counter(item["site"] for item in items)
    multi = sum(1 for item in items if (item.get("page_count") or 1) > 1)
    partial = sum(1 for item in items if item.get("is_partial"))
    print(
        f"demo: {len(items)} articles ({', '.join(f'{k} {v}' for k, v in sorted(per_site.items()))}); "
        f"{multi} multi-page merged, {partial} partial → {jsonl} and {csv_path}"
    )
    if result.returncode != 0:
        # The crawl's "scrapy crawl: …" line above says what was lost or could not be written.
        print(f"demo crawl exited {result.returncode}: not everything was written", file=sys.stderr)
    return result.returncode
