"""Offline replica of the Tribun Network for tests and demos (see ``content`` for the inventory).

``ReplicaServer`` serves deterministic pages built from docs/site-structure.md and the real 2020
page as a local HTTP(S) proxy; ``expected_articles`` is the ground truth a crawl is compared with.
Run ``python -m newscrawl.replica`` for a standalone server.
"""

from newscrawl.replica.content import (
    CRAWL_NOW,
    DATES,
    KNOWN_FAULTS,
    REPLICA_SITES,
    WINDOW,
    ExpectedArticle,
    alias_urls,
    all_articles,
    amp_links,
    decoy_urls,
    expected_articles,
    fault_cases,
    multi_page_urls,
    special_cases,
)
from newscrawl.replica.server import FetchResult, ReplicaServer, fetch

__all__ = [
    "CRAWL_NOW",
    "DATES",
    "KNOWN_FAULTS",
    "REPLICA_SITES",
    "WINDOW",
    "ExpectedArticle",
    "FetchResult",
    "ReplicaServer",
    "alias_urls",
    "all_articles",
    "amp_links",
    "decoy_urls",
    "expected_articles",
    "fault_cases",
    "fetch",
    "multi_page_urls",
    "special_cases",
]
